package org.hallsafe.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hallsafe.appointments.Bookings;
import org.hallsafe.duty.DutyForms.ConsultationForm;
import org.hallsafe.platform.ApiErrors;
import org.hallsafe.platform.CurrentUser;
import org.hallsafe.platform.Permissions;
import org.hallsafe.platform.RequiresPermission;
import org.hallsafe.platform.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Phone consultations for other systems, at the address they have had since duty lived in appointments. The form's
 * shape is checked once, by {@code @Valid}; its rules by {@link Duty}. A full slot answers 409 with the next free
 * slots, as the booking API does.
 */
@RestController
@ApiErrors.JsonApi
@RequestMapping("/api/v1/appointments")
@Tag(name = "Duty", description = "R-SVC-2: phone consultations taken by the person on duty")
class DutyApi {

    private final Duty duty;
    private final MessageSource messages;

    DutyApi(Duty duty, MessageSource messages) {
        this.duty = duty;
        this.messages = messages;
    }

    @PostMapping("/consultations")
    @RequiresPermission(Permissions.DUTY_LOG)
    @Operation(summary = "Log a phone consultation; with outcome BOOKED the caller is booked in the same step")
    ResponseEntity<Duty.Consultation> consult(SignedIn who, @Valid @RequestBody ConsultationForm form) {
        long site = who.siteId();
        return ResponseEntity.status(HttpStatus.CREATED).body(duty.consultation(site, duty.logShaped(site, form)));
    }

    /** A slot offered instead of the full one. */
    record SlotView(long id, int windowNumber, java.time.Instant startsAt, java.time.Instant endsAt, int remaining) {
    }

    @ExceptionHandler(Bookings.SlotFullException.class)
    ResponseEntity<ProblemDetail> full(Bookings.SlotFullException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The slot is full.");
        problem.setTitle("full");
        problem.setProperty("errors", java.util.Map.of("slotId", messages.getMessage(e.messageKey(), null,
                LocaleContextHolder.getLocale())));
        problem.setProperty("nextSlots", e.next().stream().map(s -> new SlotView(s.id(), s.windowNumber(), s.startsAt(),
                s.endsAt(), s.remaining())).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
