package org.hallsafe.tracing;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.tracing.Traces.Trace;
import org.hallsafe.tracing.Traces.TraceRequest;
import org.hallsafe.tracing.Traces.TraceSummary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Contact tracing for the leadership group's systems: run a trace, read one, list the recent ones. */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/traces")
@RequiresPermission(Permissions.TRACE_RUN)
@Tag(name = "tracing", description = "Issue 17: contact tracing from the hall's own records (leadership group and office)")
class TracingApi {

    private static final String PROBLEM = "application/problem+json";

    private final Traces traces;

    TracingApi(Traces traces) {
        this.traces = traces;
    }

    @PostMapping
    @Operation(summary = "Run a trace of one person over a period",
            description = "Names a citizen by document type and full number or by full phone (matched by keyed hash, "
                    + "never stored), or a staff member by id; the period defaults to the last 14 days (Asia/Shanghai); "
                    + "a reason is required. Finds the person's visits (leaving time scanned or estimated) and their "
                    + "contacts, ranked, stores the trace and writes it with its reason to the activity log.")
    @ApiResponse(responseCode = "201", description = "The trace, with its visits and ranked contacts; Location names it")
    @ApiResponse(responseCode = "400", description = "A field is missing or wrong (reason, number, period): each named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The account may not trace (only the leadership group and the office)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Trace> start(@RequestBody TraceRequest request, SignedIn who) {
        Trace trace = traces.start(who, request);
        return ResponseEntity.created(URI.create("/api/v1/traces/" + trace.id())).body(trace);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trace of the hall with its visits and contacts",
            description = "Each read of a contact list is written to the activity log with the trace's reason.")
    @ApiResponse(responseCode = "200", description = "The trace")
    @ApiResponse(responseCode = "403", description = "The account may not trace",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such trace in the signed-in hall",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Trace one(@PathVariable long id, SignedIn who) {
        return traces.get(who, id);
    }

    @GetMapping
    @Operation(summary = "The hall's recent traces, newest first (at most 50)",
            description = "Who was traced (masked), the days, the reason, who ran it, and how many visits and contacts.")
    @ApiResponse(responseCode = "200", description = "The recent traces")
    @ApiResponse(responseCode = "403", description = "The account may not trace",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    List<TraceSummary> recent(SignedIn who) {
        return traces.recent(who);
    }
}
