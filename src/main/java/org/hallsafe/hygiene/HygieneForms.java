package org.hallsafe.hygiene;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hallsafe.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/** What people type on the hygiene pages; checked before anything is stored. */
public final class HygieneForms {

    private HygieneForms() {
    }

    public enum ZoneType { ENTRANCE, WAITING, WINDOWS, SELF_SERVICE, LIFT_STAIRS, TOILET, OFFICE, MEETING, ARCHIVE,
        CANTEEN, KITCHEN, WASTE_POINT, OTHER }

    /** The plan's methods: 84 disinfectant mopping (with its concentration), spraying, moxa sticks, UV, wiping. */
    public enum Method { MOP_84, SPRAY, MOXA, UV, WIPE }

    public record ZoneForm(
            @NotBlank(message = "{validation.required}") @PlainText(max = 40) String name,
            @NotNull(message = "{validation.required}") ZoneType zoneType,
            Long departmentId,
            @NotEmpty(message = "{hygiene.methods.required}") List<Method> methods,
            @Min(value = 50, message = "{hygiene.concentration.range}") @Max(value = 5000, message = "{hygiene.concentration.range}") Integer concentration,
            @NotNull(message = "{validation.required}") @Min(value = 30, message = "{hygiene.interval.range}") @Max(value = 1440, message = "{hygiene.interval.range}") Integer intervalMinutes,
            @Min(value = 30, message = "{hygiene.interval.range}") @Max(value = 1440, message = "{hygiene.interval.range}") Integer ventilationMinutes) {
    }

    /**
     * A disinfection; empty {@code doneAt} means now. A {@code doneAt} further back than the hall's window is a
     * back-fill and needs {@code backfillReason} (issue 16, item 6; organization's {@code RecordTimes}).
     */
    public record DisinfectionForm(
            @NotNull(message = "{validation.required}") UUID submissionId,
            @NotNull(message = "{hygiene.zone.required}") Long zoneId,
            @NotNull(message = "{hygiene.method.required}") Method method,
            @Min(value = 50, message = "{hygiene.concentration.range}") @Max(value = 5000, message = "{hygiene.concentration.range}") Integer concentration,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String doneBy,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @org.hallsafe.platform.PlausibleDate(org.hallsafe.platform.PlausibleDate.Horizon.TODAY) LocalDateTime doneAt,
            @PlainText(max = PlainText.NOTE) String backfillReason) {

        public DisinfectionForm(UUID submissionId, Long zoneId, Method method, Integer concentration, String doneBy,
                LocalDateTime doneAt) {
            this(submissionId, zoneId, method, concentration, doneBy, doneAt, null);
        }
    }

    public record VentilationForm(
            @NotNull(message = "{hygiene.zone.required}") Long zoneId,
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{hygiene.minutes.range}") @Max(value = 600, message = "{hygiene.minutes.range}") Integer minutes,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String doneBy) {
    }

    public record WasteForm(
            @NotNull(message = "{hygiene.zone.required}") Long zoneId,
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{hygiene.bags.range}") @Max(value = 500, message = "{hygiene.bags.range}") Integer bags,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String doneBy) {
    }

    /** A medical-waste handover: never without the receiver's name and unit. */
    public record HandoverForm(
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{hygiene.bags.range}") @Max(value = 500, message = "{hygiene.bags.range}") Integer containers,
            @DecimalMin(value = "0.01", message = "{hygiene.weight.range}") BigDecimal weightKg,
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String handedBy,
            @NotBlank(message = "{hygiene.receiver.required}") @PlainText(max = PlainText.NAME) String receiverName,
            @NotBlank(message = "{hygiene.receiver.required}") @PlainText(max = 60) String receiverUnit) {
    }
}
