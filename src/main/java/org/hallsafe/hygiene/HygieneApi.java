package org.hallsafe.hygiene;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.hygiene.HygieneForms.DisinfectionForm;
import org.hallsafe.hygiene.HygieneForms.Method;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disinfections for a cleaner's phone or a tablet (issue 18, item 4): the record screen's form as JSON (no photo),
 * the same validation and permission, stored once per submission id however often it is sent. The zone is looked up
 * within the signed-in hall.
 */
@RestController
@RequestMapping("/api/v1/hygiene")
@ApiErrors.JsonApi
@Tag(name = "hygiene", description = "R-HYG: disinfections of the hall's zones")
class HygieneApi {

    /** A disinfection as stored and listed. */
    record DisinfectionView(long id, long zoneId, String zoneName, Instant doneAt, Method method, Integer concentration,
            String doneBy, boolean backfilled) {
    }

    private final Hygiene hygiene;
    private final Clock clock;

    HygieneApi(Hygiene hygiene, Clock clock) {
        this.hygiene = hygiene;
        this.clock = clock;
    }

    @PostMapping("/disinfections")
    @RequiresPermission(Permissions.HYGIENE_RECORD)
    ResponseEntity<DisinfectionView> disinfect(SignedIn who, @Valid @RequestBody DisinfectionForm form) {
        long id = hygiene.disinfect(who.siteId(), form, null, null);
        DisinfectionView stored = hygiene.disinfection(who.siteId(), id);
        return ResponseEntity.created(URI.create("/api/v1/hygiene/disinfections/" + id)).body(stored);
    }

    /** The day's disinfections of the hall in the order they were done, those of zones since retired included. */
    @GetMapping("/disinfections")
    @RequiresPermission(Permissions.HYGIENE_VIEW)
    List<DisinfectionView> day(SignedIn who, @RequestParam(required = false) LocalDate day) {
        return hygiene.disinfections(who.siteId(), day == null ? LocalDate.now(clock) : day);
    }
}
