package org.hallsafe.agency;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hallsafe.agency.AgencyCases.CaseSummary;
import org.hallsafe.agency.AgencyCases.Channel;
import org.hallsafe.agency.AgencyCases.Opening;
import org.hallsafe.agency.AgencyCases.State;
import org.hallsafe.appointments.Catalogue;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agency service for WeChat pages and other systems. {@code /public/…} needs no account: a citizen applies, and
 * follows the case with its code and the full phone number (POST, so the number is not in an address); the rest is
 * for signed-in staff. Refusals are problem details naming the field.
 */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/agency")
@Tag(name = "agency", description = "R-SVC-4: agency service (代办): cases, status, materials, post and custody chain")
class AgencyApi {

    private final AgencyCases cases;
    private final CaseStatus status;
    private final AgencyLimits limits;
    private final Catalogue catalogue;

    AgencyApi(AgencyCases cases, CaseStatus status, AgencyLimits limits, Catalogue catalogue) {
        this.cases = cases;
        this.status = status;
        this.limits = limits;
        this.catalogue = catalogue;
    }

    /** A citizen's application: what the page asks, as JSON. */
    record Application(UUID submissionId, Long itemId, String applicant, String company, String phone, String address,
            String sending) {
    }

    /** A case a window or the duty desk opens: channel WINDOW or PHONE, and the call it came from. */
    record StaffOpening(UUID submissionId, Long itemId, Channel channel, String applicant, String company, String phone,
            String address, String sending, Long callId) {
    }

    /** The case opened: its code (the citizen keeps it); {@code replay} when the same submission opened it before. */
    record OpenedView(String code, boolean replay) {
    }

    /** The look-up: both are required. */
    record LookUp(String code, String phone) {
    }

    /** What a citizen sees of the case. */
    record StatusView(String code, String item, State state, LocalDate dueOn, Integer workingDaysLeft, Boolean onTime,
            List<String> missing, List<String> trackingIn, List<String> trackingOut) {
    }

    /** A case as staff lists show it, personal data masked. */
    record CaseView(long id, String code, long itemId, String item, State state, Channel channel, String applicantMasked,
            String phoneMasked, LocalDate dueOn, Integer workingDaysLeft, Boolean onTime, AgencyCases.Station holderStation,
            String holder, Instant createdAt) {

        static CaseView of(CaseSummary c) {
            return new CaseView(c.id(), c.code(), c.itemId(), c.itemName(), c.state(), c.channel(), c.applicantMasked(),
                    c.phoneMasked(), c.dueOn(), c.workingDaysLeft(), c.onTime(), c.holderStation(), c.holder(), c.createdAt());
        }
    }

    @GetMapping("/public/items")
    @Operation(summary = "The hall's items offered as agency service: time limit in working days and materials to send")
    List<AgencyCases.ItemTerms> items(@RequestParam(required = false) String hall) {
        return cases.agencyItems(site(hall));
    }

    @PostMapping("/public/cases")
    @Operation(summary = "Apply for agency service from a WeChat page; the same submissionId opens one case; 201 with the code")
    ResponseEntity<OpenedView> apply(@RequestParam(required = false) String hall, @RequestBody Application a,
            HttpServletRequest request) {
        long site = site(hall);
        limits.apply(request, a.phone());
        var opened = cases.open(site, new Opening(a.submissionId(), a.itemId(), Channel.WECHAT, a.applicant(), a.company(),
                a.phone(), a.address(), a.sending(), null));
        return ResponseEntity.created(URI.create("/api/v1/agency/public/status")).body(new OpenedView(opened.code(), opened.replay()));
    }

    @PostMapping("/public/status")
    @Operation(summary = "A case's stage, working days left, missing materials and tracking numbers, by code and full phone")
    StatusView status(@RequestParam(required = false) String hall, @RequestBody LookUp l, HttpServletRequest request) {
        long site = site(hall);
        CaseStatus.Status s = limits.lookUp(request, l.code(), () -> status.lookUp(site, l.code(), l.phone()));
        return new StatusView(s.code(), s.itemName(), s.state(), s.dueOn(), s.workingDaysLeft(), s.onTime(), s.missing(),
                s.trackingIn(), s.trackingOut());
    }

    @GetMapping("/cases")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    @Operation(summary = "The hall's cases, newest first, of one state or all (at most 500)")
    List<CaseView> list(@RequestParam(required = false) State state, SignedIn who) {
        return cases.cases(who.siteId(), state, 500).stream().map(CaseView::of).toList();
    }

    @GetMapping("/cases/{id}")
    @RequiresPermission(Permissions.AGENCY_VIEW)
    @Operation(summary = "One case of the hall, personal data masked")
    CaseView one(@PathVariable long id, SignedIn who) {
        return cases.find(who.siteId(), id).map(CaseView::of).orElseThrow(() -> NotFoundException.of("agency case", id));
    }

    @PostMapping("/cases")
    @RequiresPermission(Permissions.AGENCY_HANDLE)
    @Operation(summary = "Open a case at a window (WINDOW) or from a duty call (PHONE, with callId); 201")
    ResponseEntity<CaseView> open(@RequestBody StaffOpening o, SignedIn who) {
        Channel channel = o.callId() != null || o.channel() == Channel.PHONE ? Channel.PHONE : Channel.WINDOW;
        var opened = cases.open(who.siteId(), new Opening(o.submissionId(), o.itemId(), channel, o.applicant(),
                o.company(), o.phone(), o.address(), o.sending(), o.callId()));
        return ResponseEntity.created(URI.create("/api/v1/agency/cases/" + opened.id()))
                .body(cases.find(who.siteId(), opened.id()).map(CaseView::of).orElseThrow());
    }

    private long site(String hall) {
        return catalogue.hall(hall).orElseThrow(() -> NotFoundException.of("hall", hall)).id();
    }
}
