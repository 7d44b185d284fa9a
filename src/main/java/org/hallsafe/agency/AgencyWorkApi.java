package org.hallsafe.agency;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.platform.ApiErrors;
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
 * Staff operations of receiving materials and the service commitment (issue 14, items 2 and 3): envelopes in, the
 * materials check, the one-time notice, acceptance and finishing. Refusals are problem details naming each field.
 */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/agency")
@Tag(name = "agency", description = "R-SVC-4: agency cases (代办), materials by post, one-time notice, time limits")
@RequiresPermission(Permissions.AGENCY_HANDLE)
class AgencyWorkApi {

    /** The materials check: one entry per material checked. */
    record Checks(List<MaterialChecks.Mark> materials) {
    }

    /** A case after a check or a notice: its state, materials and commitment. */
    record Materials(long caseId, AgencyCases.State state, List<MaterialChecks.Material> materials, LocalDate dueOn,
            Integer workingDaysLeft) {
    }

    /** A one-time notice: its text, as sent by SMS and printed. */
    record NoticeView(long id, Instant startedAt, String text) {
    }

    /** Matching an envelope to a case. */
    record Match(Long caseId) {
    }

    private final MaterialChecks checks;
    private final MailRoom mail;
    private final CaseFiles files;
    private final CaseClocks clocks;

    AgencyWorkApi(MaterialChecks checks, MailRoom mail, CaseFiles files, CaseClocks clocks) {
        this.checks = checks;
        this.mail = mail;
        this.files = files;
        this.clocks = clocks;
    }

    @PostMapping("/cases/{id}/materials")
    @Operation(summary = "Check materials as RECEIVED, MISSING or TO_CORRECT (a note saying what); the last one received accepts the case")
    Materials check(SignedIn who, @PathVariable long id, @RequestBody Checks body) {
        checks.check(who.siteId(), id, body == null ? null : body.materials());
        return materials(who, id);
    }

    @PostMapping("/cases/{id}/notice")
    @Operation(summary = "Send the one-time notice (一次性告知) of everything missing or to correct, by SMS; the case pauses (补正)")
    ResponseEntity<NoticeView> notice(SignedIn who, @PathVariable long id) {
        MaterialChecks.Notice n = checks.sendNotice(who.siteId(), id);
        return ResponseEntity.created(URI.create("/agency/cases/" + id + "/notices/" + n.id()))
                .body(new NoticeView(n.id(), n.startedAt(), n.noticeText()));
    }

    @PostMapping("/cases/{id}/accept")
    @Operation(summary = "Accept (受理) a case whose materials are all received: the clock starts, the citizen gets the due date")
    Materials accept(SignedIn who, @PathVariable long id) {
        checks.accept(who.siteId(), id);
        return materials(who, id);
    }

    @PostMapping("/cases/{id}/finish")
    @Operation(summary = "Finish (办结) an accepted case: on time or late is recorded")
    Materials finish(SignedIn who, @PathVariable long id) {
        checks.finish(who.siteId(), id);
        return materials(who, id);
    }

    @PostMapping("/mail/in")
    @Operation(summary = "Log an envelope in (carrier, tracking number, sheets, the case code written on it); the same tracking number twice answers the first")
    ResponseEntity<MailRoom.Envelope> logIn(SignedIn who, @Valid @RequestBody MailPages.MailForm body) {
        MailRoom.Envelope e = mail.logIn(who.siteId(), body.incoming());
        return ResponseEntity.created(URI.create("/api/v1/agency/mail/in/" + e.id())).body(e);
    }

    @GetMapping("/mail/in")
    @Operation(summary = "Envelopes in: those waiting to be matched, or the latest")
    List<MailRoom.Envelope> envelopes(SignedIn who, @RequestParam(defaultValue = "false") boolean unmatched) {
        return unmatched ? mail.unmatched(who.siteId()) : mail.recent(who.siteId(), 100);
    }

    @PostMapping("/mail/in/{id}/match")
    @Operation(summary = "Match a waiting envelope to a case")
    MailRoom.Envelope match(SignedIn who, @PathVariable long id, @RequestBody Match body) {
        if (body == null || body.caseId() == null) {
            throw new org.hallsafe.platform.InvalidInputException("caseId", "validation.required");
        }
        return mail.match(who.siteId(), id, body.caseId());
    }

    @GetMapping("/mail/cases")
    @Operation(summary = "Open cases an envelope may belong to, by code, company or the applicant's full phone number")
    List<MailRoom.Found> search(SignedIn who, @RequestParam(defaultValue = "") String q) {
        return mail.search(who.siteId(), q);
    }

    private Materials materials(SignedIn who, long id) {
        CaseFiles.CaseDetail d = files.detail(who.siteId(), id);
        return new Materials(id, d.summary().state(), checks.of(who.siteId(), id), d.summary().dueOn(),
                clocks.daysLeft(who.siteId(), id, d.summary().state(), d.summary().dueOn()));
    }

}
