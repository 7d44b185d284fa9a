package org.hallsafe.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hallsafe.platform.IdCard;
import org.hallsafe.platform.Phone;

/** What people type on the organization pages and send to its API; checked before anything is stored. */
public final class Forms {

    private Forms() {
    }

    public record SiteForm(
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "{site.code.invalid}") String code,
            @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}") String name,
            @Size(max = 200, message = "{validation.tooLong}") String address) {
    }

    public record DepartmentForm(
            @NotNull(message = "{validation.required}") DepartmentKind kind,
            @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.tooLong}") String name,
            @Size(max = 30, message = "{validation.tooLong}") String phone,
            @Size(max = 500, message = "{validation.tooLong}") String duties) {
    }

    public record WindowForm(
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{window.number.range}") @Max(value = 999, message = "{window.number.range}") Integer number,
            @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.tooLong}") String name,
            @Size(max = 40, message = "{validation.tooLong}") String area,
            Long sectionId) {
    }

    /** Phone and ID number are checked by their value types; empty on an edit means "keep what is stored". */
    public record StaffForm(
            @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.tooLong}") String name,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{staff.cardNo.invalid}") String cardNo,
            Long departmentId,
            Long windowId,
            @Size(max = 30, message = "{validation.tooLong}") String jobTitle,
            @Phone String phone,
            @IdCard String idNumber,
            String accountUsername) {
    }

    public record LeadershipForm(
            @NotNull(message = "{validation.required}") Long staffId,
            @NotNull(message = "{validation.required}") LeadershipRole role) {
    }
}
