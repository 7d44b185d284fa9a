package org.hallsafe.tracing;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.Downloads;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Acting on a trace through the API (issue 17 item 4): the contact list, the SMS to contacts, the incident. */
@RestController
@RequestMapping("/api/v1/traces")
@ApiErrors.JsonApi
@Tag(name = "tracing", description = "Issue 17: who was in the hall with a person, and acting on it")
class TraceActionApi {

    private final TraceExport export;
    private final TraceNotices notices;
    private final TraceIncidents incidents;

    TraceActionApi(TraceExport export, TraceNotices notices, TraceIncidents incidents) {
        this.export = export;
        this.notices = notices;
        this.incidents = incidents;
    }

    @Schema(description = "What one request to notify the contacts did.")
    record Notified(
            @Schema(description = "Contacts sent an SMS by this request (queued in the outbox, sent after the commit).", example = "12")
                    int sentNow,
            @Schema(description = "Contacts an earlier request had already sent one: they get no second message.", example = "3")
                    int sentBefore,
            @Schema(description = "Contacts without a phone number on record: nobody can text them.", example = "1")
                    int withoutPhone,
            @Schema(description = "False when this installation has no SMS gateway: then nothing was sent or marked.")
                    boolean gatewayConfigured) {
    }

    @Schema(description = "The leadership group's incident carrying the trace.")
    record Reported(
            @Schema(description = "The incident's id (see /api/v1/incidents).", example = "88") long incidentId,
            @Schema(description = "True when this request reported it; false when it had been reported before.") boolean reportedNow) {
    }

    @GetMapping(value = "/{id}/contacts.xlsx")
    @RequiresPermission(Permissions.TRACE_RUN)
    @Operation(summary = "The contact list as an XLSX ledger",
            description = "One row per contact, ranked: name, kind, why, from, to, minutes, estimated, phone, notified. "
                    + "Full phone numbers only for accounts with tracing:contact:reveal (the office); masked otherwise. "
                    + "Every export is written to the activity log.")
    @ApiResponse(responseCode = "200", description = "The workbook.", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    @ApiResponse(responseCode = "403", description = "The account may not run traces.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such trace in your hall.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    void contacts(SignedIn who, @PathVariable long id, HttpServletResponse response) throws IOException {
        Traces.Trace trace = export.trace(who, id);
        export.export(who, trace, LocaleContextHolder.getLocale(), Downloads.xlsx(response, "trace-" + id + "-contacts"));
    }

    @PostMapping("/{id}/notifications")
    @RequiresPermission(Permissions.TRACE_REVEAL)
    @Operation(summary = "Send every contact the SMS notice, once",
            description = "Each contact with a phone is sent the plain-Chinese notice (message trace.sms.text) through "
                    + "the SMS outbox at most once, however often this is called. Without an SMS gateway nothing is "
                    + "sent or marked, and gatewayConfigured is false.")
    @ApiResponse(responseCode = "200", description = "What was sent now and before.")
    @ApiResponse(responseCode = "403", description = "Only accounts with tracing:contact:reveal (the office) may text contacts.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such trace in your hall.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Notified notifyContacts(SignedIn who, @PathVariable long id) {
        TraceNotices.Outcome o = notices.notifyContacts(who, id);
        return new Notified(o.sentNow(), o.sentBefore(), o.withoutPhone(), o.gatewayConfigured());
    }

    @PostMapping("/{id}/incident")
    @RequiresPermission(Permissions.TRACE_RUN)
    @Operation(summary = "Report the trace to the leadership group",
            description = "Opens an incident whose details name the subject and period, count the contacts and link "
                    + "/tracing/{id}; the trace then carries its id. Once: a second call answers the same incident (200).")
    @ApiResponse(responseCode = "201", description = "Reported now.")
    @ApiResponse(responseCode = "200", description = "Reported before; the same incident.")
    @ApiResponse(responseCode = "403", description = "The account may not run traces.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such trace in your hall.", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Reported> report(SignedIn who, @PathVariable long id) {
        TraceIncidents.Reported r = incidents.report(who, id);
        return ResponseEntity.status(r.now() ? HttpStatus.CREATED : HttpStatus.OK).body(new Reported(r.incidentId(), r.now()));
    }
}
