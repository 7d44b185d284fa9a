/**
 * The hall's display screens (R-REQ-2, issue 15 items 4 and 5): a screen across the waiting hall that rotates the
 * published notices and prevention knowledge and shows live figures without personal data, and the call display
 * that shows and speaks which booking code goes to which window. Screens have no account: each opens with a key the
 * hall's administrator made and can revoke.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organization", "appointments",
        "screening", "notice", "shared"})
package org.hallsafe.display;
