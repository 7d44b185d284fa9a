package org.hallsafe.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hallsafe.platform.IdCard;
import org.hallsafe.platform.Phone;
import org.hallsafe.platform.PlainText;

/** What people type on the organization pages and send to its API; checked before anything is stored. */
public final class Forms {

    private Forms() {
    }

    public record SiteForm(
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "{site.code.invalid}") String code,
            @NotBlank(message = "{validation.required}") @PlainText(max = 60) String name,
            @PlainText(max = 200) String address) {
    }

    public record DepartmentForm(
            @NotNull(message = "{validation.required}") DepartmentKind kind,
            @NotBlank(message = "{validation.required}") @PlainText(max = 40) String name,
            @PlainText(max = 30) String phone,
            @PlainText(max = 500, multiline = true) String duties) {
    }

    public record WindowForm(
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{window.number.range}") @Max(value = 999, message = "{window.number.range}") Integer number,
            @NotBlank(message = "{validation.required}") @PlainText(max = 40) String name,
            @PlainText(max = 40) String area,
            Long sectionId) {
    }

    /** Phone and ID number are checked by their value types; empty on an edit means "keep what is stored". */
    public record StaffForm(
            @NotBlank(message = "{validation.required}") @PlainText(max = PlainText.NAME) String name,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{staff.cardNo.invalid}") String cardNo,
            Long departmentId,
            Long windowId,
            @PlainText(max = 30) String jobTitle,
            @Phone String phone,
            @IdCard String idNumber,
            String accountUsername) {
    }

    public record LeadershipForm(
            @NotNull(message = "{validation.required}") Long staffId,
            @NotNull(message = "{validation.required}") LeadershipRole role) {
    }
}
