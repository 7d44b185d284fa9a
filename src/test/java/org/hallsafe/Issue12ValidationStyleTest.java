package org.hallsafe;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.Validation;
import org.hallsafe.appointments.AppointmentForms;
import org.hallsafe.platform.FormShape;
import org.hallsafe.platform.InvalidInputException;
import org.hallsafe.platform.PlainText;
import org.hallsafe.shared.DocumentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, item 8: one validation style across modules. Form and API records state their shape (required, length,
 * range, pattern) with Bean Validation, checked by {@code @Valid} on pages and the API and by
 * {@code FormShape.check} in services; what depends on the hall, the day or another field is a rule, named
 * {@code ruleProblems}. A hand-written {@code problems()} on a form is the old style coming back.
 */
class Issue12ValidationStyleTest {

    @Test
    void r12_8_everyFormStatesItsShapeWithBeanValidation() {
        List<Class<?>> forms = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hallsafe")) {
            Class<?> c = type.reflect();
            if (c.isRecord() && (c.getSimpleName().endsWith("Form") || c.getSimpleName().endsWith("Request"))) {
                forms.add(c);
            }
        }
        assertThat(forms).as("the scan finds the forms").extracting(Class::getSimpleName)
                .contains("GateForm", "CheckForm", "BookingForm", "SettingsForm", "ConsultationForm");
        List<String> handWritten = new ArrayList<>();
        for (Class<?> form : forms) {
            // a field of the form named so (a report's "problems", the text a person types) is not a check
            Set<String> fields = Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            for (Method m : form.getDeclaredMethods()) {
                String name = m.getName();
                if (fields.contains(name) && m.getParameterCount() == 0) {
                    continue;
                }
                boolean checksByHand = name.equals("problems") || name.endsWith("Problems") && !name.equals("ruleProblems");
                if (checksByHand && !Modifier.isPrivate(m.getModifiers())) {
                    handWritten.add(form.getName() + "#" + name);
                }
            }
        }
        assertThat(handWritten).as("forms checking their shape by hand instead of with Bean Validation").isEmpty();
    }

    /** What a service sees when it checks a form's shape itself: the same keys the page shows, in the form's order. */
    @Test
    void r12_8_aServiceChecksTheSameShapeAsThePage() {
        FormShape shape = new FormShape(Validation.buildDefaultValidatorFactory().getValidator());
        var form = new AppointmentForms.BookingForm(null, 1L, null, "长".repeat(41), DocumentType.ID_CARD,
                "4".repeat(41), "12345", null, AppointmentForms.Channel.WEB);
        assertThat(shape.problemsOf(form, Map.of("smsCode", "appointments.sms.required"))).containsExactly(
                Map.entry("submissionId", "validation.required"), Map.entry("slotId", "appointments.book.slot"),
                Map.entry("name", "appointments.book.nameLength"), Map.entry("docNo", PlainText.TOO_LONG),
                Map.entry("phone", "phone.invalid"), Map.entry("smsCode", "appointments.sms.required"));
        assertThatThrownBy(() -> shape.check(form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("submissionId"));
    }
}
