package org.hallsafe;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
            for (Method m : form.getDeclaredMethods()) {
                String name = m.getName();
                boolean checksByHand = name.equals("problems") || name.endsWith("Problems") && !name.equals("ruleProblems");
                if (checksByHand && !Modifier.isPrivate(m.getModifiers())) {
                    handWritten.add(form.getName() + "#" + name);
                }
            }
        }
        assertThat(handWritten).as("forms checking their shape by hand instead of with Bean Validation").isEmpty();
    }
}
