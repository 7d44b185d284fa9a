package org.hallsafe.screening;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.NotFoundException;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.hallsafe.shared.DocumentType;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The gate for a kiosk or a WeChat client: the same rules, the same idempotent submission. */
@RestController
@RequestMapping("/api/v1/screening")
@ApiErrors.JsonApi
@Tag(name = "screening", description = "R-SCR-1..3: the first gate and its ledger")
class ScreeningApi {


    private final GateDesk desk;
    private final Ledger ledger;
    private final Today today;
    private final Questionings questionings;

    ScreeningApi(GateDesk desk, Ledger ledger, Today today, Questionings questionings) {
        this.desk = desk;
        this.questionings = questionings;
        this.ledger = ledger;
        this.today = today;
    }

    @PostMapping("/screenings")
    @RequiresPermission(Permissions.GATE_RECORD)
    @Operation(summary = "Record one reading. Send a submissionId of your own: a retry with the same id stores nothing new and answers with the first result.")
    ResponseEntity<GateDesk.Result> record(SignedIn who, @Valid @RequestBody GateForm form) {
        // @Valid checked the shape; the desk checks the hall's rules, once (issue 13, item 4)
        GateDesk.Result result = desk.recordShaped(who.siteId(), form);
        return ResponseEntity.created(URI.create("/api/v1/screening/screenings/" + result.id())).body(result);
    }

    @PostMapping("/screenings/{id}/questioning")
    @RequiresPermission(Permissions.GATE_RECORD)
    @Operation(summary = "The questioning record of a refused person; it is added to the incident")
    GateDesk.Result question(SignedIn who, @PathVariable long id, @Valid @RequestBody GateDesk.Questioning q) {
        questionings.question(who.siteId(), id, q);
        return desk.get(who.siteId(), id);
    }

    @GetMapping("/citizens")
    @RequiresPermission(Permissions.GATE_RECORD)
    @Operation(summary = "A returning citizen by document type and number; phone masked")
    ResponseEntity<GateDesk.KnownCitizen> citizen(SignedIn who, @RequestParam DocumentType docType,
            @RequestParam String docNo) {
        Optional<GateDesk.KnownCitizen> known = desk.findCitizen(who.siteId(), docType, docNo);
        // never seen: 404 as problem+json like every other refusal of the API (issue 20 item 8)
        return ResponseEntity.ok(known.orElseThrow(() -> NotFoundException.of("citizen")));
    }

    @GetMapping("/screenings")
    @RequiresPermission(Permissions.LEDGER_VIEW)
    @Operation(summary = "The ledger, newest first; pass the last line's cursor as 'before' for the next page. Reading it is logged.")
    Map<String, Object> ledger(SignedIn who, @ParameterObject Ledger.Filter filter) {
        List<Ledger.Line> lines = ledger.page(who.siteId(), filter);
        boolean more = lines.size() > Ledger.PAGE;
        List<Ledger.Line> page = more ? lines.subList(0, Ledger.PAGE) : lines;
        return more ? Map.of("lines", page, "next", page.get(page.size() - 1).cursor()) : Map.of("lines", page);
    }

    @GetMapping("/today")
    @RequiresPermission(Permissions.GATE_TODAY)
    Today.Figures today(SignedIn who) {
        return today.figures(who.siteId());
    }
}
