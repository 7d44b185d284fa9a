package org.hallsafe.agency;

import java.util.List;

import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.agency.AgencyCases.Station;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the case page's chain fragment ({@code agency/case-chain :: chain}) and post-out fragment
 * ({@code agency/case-post-out :: postOut}) show: the handovers in order, where the file is and who holds it, the next
 * station with the form to hand it on, and the result's outgoing post.
 */
@Component
class ChainSection implements CasePageSection {

    /** The case as the chain's pages name it. */
    record CaseHeader(long id, String code, String itemName, State state, String shownCode) {
        CaseHeader(long id, String code, String itemName, State state) {
            this(id, code, itemName, state, CaseCodes.display(code));
        }
    }

    private final Custody custody;
    private final PostOut post;
    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    ChainSection(Custody custody, PostOut post, JdbcClient jdbc, Catalogue catalogue) {
        this.custody = custody;
        this.post = post;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    CaseHeader caseHeader(long siteId, long caseId) {
        return jdbc.sql("SELECT id, code, item_id, state FROM agency_cases WHERE site_id = :site AND id = :id")
                .param("site", siteId).param("id", caseId)
                .query((rs, n) -> new CaseHeader(rs.getLong(1), rs.getString(2),
                        catalogue.find(siteId, rs.getLong(3)).map(Catalogue.Item::name).orElse(""),
                        State.valueOf(rs.getString(4))))
                .optional().orElseThrow(() -> NotFoundException.of("case", caseId));
    }

    @Override
    public void addTo(long siteId, CaseFiles.CaseDetail detail, Model model) {
        fill(siteId, detail.summary().id(), model);
    }

    /** Fills the model of the chain and post-out fragments for one case of the hall. */
    void fill(long siteId, long caseId, Model model) {
        CaseHeader c = caseHeader(siteId, caseId);
        List<Custody.Handover> chain = custody.chain(siteId, caseId);
        Custody.Holder holder = Custody.holder(chain);
        boolean lastConfirmed = chain.isEmpty() || chain.get(chain.size() - 1).confirmed();
        Station next = lastConfirmed && c.state() != State.WITHDRAWN ? CustodyChain.after(holder.station()) : null;
        model.addAttribute("chainCase", c);
        model.addAttribute("chain", chain);
        model.addAttribute("holder", holder);
        model.addAttribute("nextStation", next);
        model.addAttribute("receivers", custody.receivers(siteId));
        model.addAttribute("whats", Custody.What.values());
        if (!model.containsAttribute("handover") && next != null) {
            model.addAttribute("handover", new Custody.HandoverForm(holder.station(), next,
                    holder.station() == Station.RESULT ? Custody.What.RESULT : Custody.What.MATERIALS, null, ""));
        }
        model.addAttribute("postOut", post.ofCase(siteId, caseId));
    }
}
