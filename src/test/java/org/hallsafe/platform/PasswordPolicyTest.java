package org.hallsafe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Passwords: at least 12 characters of at least 3 classes, and not containing the user name. */
class PasswordPolicyTest {

    @Test
    void refusesElevenCharacters() {
        assertThat(PasswordPolicy.problem("Hall-Safe-2", "warden")).contains("password.tooShort");
    }

    @Test
    void refusesNull() {
        assertThat(PasswordPolicy.problem(null, "warden")).contains("password.tooShort");
    }

    @Test
    void refusesTwelveLowerCaseLetters() {
        assertThat(PasswordPolicy.problem("abcdefghijkl", "warden")).contains("password.tooSimple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh1234", "ABCDEFGH1234", "abcdefGHIJKL", "abcdef-+-+-+", "123456789012"})
    void refusesTwoClassesOrFewer(String password) {
        assertThat(PasswordPolicy.problem(password, "warden")).contains("password.tooSimple");
    }

    @Test
    void refusesPasswordContainingTheUserName() {
        assertThat(PasswordPolicy.problem("Warden-2026-xyz", "warden")).contains("password.containsUsername");
        assertThat(PasswordPolicy.problem("xyz-WARDEN-2026", "Warden")).contains("password.containsUsername");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hall-Safe-2026x", "abcdefgh123!", "Abcdefgh1234", "ABCDEFGH123!"})
    void acceptsLongPasswordsOfThreeClasses(String password) {
        assertThat(PasswordPolicy.problem(password, "warden")).isEmpty();
    }

    @Test
    void acceptsWithoutUserName() {
        assertThat(PasswordPolicy.problem("Hall-Safe-2026x", null)).isEmpty();
    }
}
