package org.hallsafe.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The custody chain, the result's post and the ledger for staff clients (issue #14 items 4, 5, 7 and 9). */
@RestController
@RequestMapping("/api/v1/agency")
@ApiErrors.JsonApi
@Tag(name = "agency", description = "R-SVC-4: agency cases (代办), their custody chain, post and ledger")
class ChainApi {

    private final Custody custody;
    private final PostOut post;
    private final AgencyLedger ledger;
    private final Clock clock;
    private final ChainSection section;

    ChainApi(Custody custody, PostOut post, AgencyLedger ledger, Clock clock, ChainSection section) {
        this.section = section;
        this.custody = custody;
        this.post = post;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/cases/{id}/handovers")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    @Operation(summary = "The case's custody chain in order, and where the file is now")
    Map<String, Object> chain(@PathVariable long id, SignedIn who) {
        long site = who.siteId();
        section.caseHeader(site, id); // 404 when the case is not this hall's
        List<Custody.Handover> chain = custody.chain(site, id);
        return Map.of("handovers", chain, "holder", Custody.holder(chain));
    }

    @PostMapping("/cases/{id}/handovers")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    @Operation(summary = "Hand the file on to the next station; the receiver (toAccount) confirms it. A skipped or doubled step is refused (400).")
    Custody.Handover handOver(@PathVariable long id, @Valid @RequestBody Custody.HandoverForm form, SignedIn who) {
        long site = who.siteId();
        return custody.handover(site, custody.handOver(site, id, form, who.username()));
    }

    @PostMapping("/handovers/{id}/confirm")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    @Operation(summary = "The receiver confirms a handover on their own account; a second confirmation is refused (400)")
    Custody.Handover confirm(@PathVariable long id, SignedIn who) {
        long site = who.siteId();
        custody.confirm(site, id, who.username());
        return custody.handover(site, id);
    }

    @PostMapping("/mail/out")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    @Operation(summary = "Post a result: case code, carrier, tracking number (checked by the carrier's format); the citizen gets an SMS")
    List<PostOut.Sent> send(@Valid @RequestBody PostOut.SendForm form, SignedIn who) {
        long site = who.siteId();
        long id = post.send(site, form, who.username());
        return post.sentOn(site, LocalDate.now(clock)).stream().filter(s -> s.id() == id).toList();
    }

    /** The result's post of one case, by its id. */
    record ResultPost(TrackingNumbers.Carrier carrier, @org.hallsafe.platform.PlainText(max = 40) String carrierOther,
            @org.hallsafe.platform.PlainText(max = 60) String trackingNo, Integer sheets,
            @org.hallsafe.platform.PlainText(max = 200) String note) {
    }

    @PostMapping("/cases/{id}/result")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    @Operation(summary = "Post the result of this case (done, its file confirmed back at the mail room); the citizen gets an SMS")
    List<PostOut.Sent> sendResult(@PathVariable long id, @Valid @RequestBody ResultPost body, SignedIn who) {
        long site = who.siteId();
        String code = section.caseHeader(site, id).code();
        post.send(site, new PostOut.SendForm(code, body.carrier(), body.carrierOther(), body.trackingNo(), body.sheets(),
                body.note()), who.username());
        return post.ofCase(site, id);
    }

    @GetMapping("/mail/out")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    @Operation(summary = "The mailing list of one day (default today)")
    List<PostOut.Sent> mailingList(@RequestParam(required = false) LocalDate day, SignedIn who) {
        return post.sentOn(who.siteId(), day == null ? LocalDate.now(clock) : day);
    }

    @GetMapping("/ledger")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    @Operation(summary = "The agency ledger (代办台账) with its figures; at most 500 lines, the Excel file has them all")
    Map<String, Object> ledger(@ParameterObject AgencyLedger.Filter filter, SignedIn who) {
        AgencyLedger.Filter f = ledger.withDefaults(filter);
        var lines = ledger.lines(who.siteId(), f, Integer.MAX_VALUE);
        return Map.of("filter", f, "figures", AgencyLedger.figures(lines),
                "lines", lines.size() > AgencyLedger.PAGE_LIMIT ? lines.subList(0, AgencyLedger.PAGE_LIMIT) : lines);
    }
}
