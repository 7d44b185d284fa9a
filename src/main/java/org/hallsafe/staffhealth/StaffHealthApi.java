package org.hallsafe.staffhealth;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.organization.StaffDirectory;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.NotFoundException;
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
 * Staff health checks for a phone or a tablet (issue 18, item 4): the screens' form as JSON, the same validation
 * path, the same permissions, and idempotent by the client's submission id, so a retried request stores once. A staff
 * member named by id is looked up within the signed-in hall.
 */
@RestController
@RequestMapping("/api/v1/staff-health")
@ApiErrors.JsonApi
@Tag(name = "staff-health", description = "R-STF: staff temperature checks")
class StaffHealthApi {

    private final StaffHealth health;
    private final DayChecks dayChecks;
    private final StaffDirectory staff;
    private final Clock clock;

    StaffHealthApi(StaffHealth health, DayChecks dayChecks, StaffDirectory staff, Clock clock) {
        this.health = health;
        this.dayChecks = dayChecks;
        this.staff = staff;
        this.clock = clock;
    }

    /** A check for a staff member of the hall, taken by a head or a screener (the screen's record-for form). */
    @PostMapping("/checks")
    @RequiresPermission(Permissions.HEALTH_RECORD_FOR)
    ResponseEntity<StaffHealth.Recorded> recordFor(SignedIn who, @RequestParam long staffId,
            @Valid @RequestBody CheckForm form) {
        return created(health.recordCheckShaped(who.siteId(), staffId, form, false));
    }

    /** The signed-in person's own check (the screen of my day). */
    @PostMapping("/me/checks")
    @RequiresPermission(Permissions.HEALTH_SELF)
    ResponseEntity<StaffHealth.Recorded> recordMine(SignedIn who, @Valid @RequestBody CheckForm form) {
        long me = staff.byAccount(who.siteId(), who.accountId())
                .orElseThrow(() -> NotFoundException.of("staff member")).id();
        return created(health.recordCheckShaped(who.siteId(), me, form, true));
    }

    /** The day's checks of the hall's staff, the gate's included (source GATE), without the readings themselves. */
    @GetMapping("/checks")
    @RequiresPermission(Permissions.HEALTH_BOARD)
    List<DayChecks.CheckLine> checks(SignedIn who, @RequestParam(required = false) LocalDate day) {
        return dayChecks.of(who.siteId(), day == null ? LocalDate.now(clock) : day);
    }

    private static ResponseEntity<StaffHealth.Recorded> created(StaffHealth.Recorded recorded) {
        return ResponseEntity.created(URI.create("/api/v1/staff-health/checks/" + recorded.id())).body(recorded);
    }
}
