package org.hallsafe.agency;

import org.springframework.ui.Model;

/**
 * A section of the case page ({@code /agency/cases/{id}}) puts what its fragment shows into the model: materials and
 * clock, post in and out, the custody chain. Each is a {@code @Component} in its own file, so the page's controller
 * does not change when a section does.
 */
interface CasePageSection {

    void addTo(long siteId, CaseFiles.CaseDetail detail, Model model);
}
