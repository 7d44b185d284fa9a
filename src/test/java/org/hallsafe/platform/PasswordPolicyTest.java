package org.hallsafe.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest
    @ValueSource(strings = {"Admin@123456", "P@ssw0rd1234", "1qaz@WSX3edc", "Password@123", "Qwer1234!@#$", "Woaini1314!@"})
    void r12_14_refusesCommonPasswordsThatPassTheOtherRules(String password) {
        assertThat(PasswordPolicy.problem(password, "warden")).contains("password.common");
    }

    @Test
    void r12_14_refusesTheDemoPasswordOutsideDemoMode() {
        assertThat(PasswordPolicy.problem(PasswordPolicy.DEMO_PASSWORD, "warden", java.util.List.of(), false)).contains("password.demo");
        assertThat(PasswordPolicy.problem(PasswordPolicy.DEMO_PASSWORD, "warden", java.util.List.of(), true)).isEmpty();
    }

    @Test
    void r12_14_refusesThePasswordContainingTheHallsNameOrCode() {
        var hall = java.util.List.of("赫山区政务服务中心", "HS01");
        assertThat(PasswordPolicy.problem("赫山区政务服务中心-Ab1", "warden", hall, false)).contains("password.containsHallName");
        assertThat(PasswordPolicy.problem("Pass-hs01-2026x", "warden", hall, false)).contains("password.containsHallName");
        assertThat(PasswordPolicy.problem("Hall-Safe-2026x", "warden", hall, false)).isEmpty();
    }

    @Test
    void r12_14_refusesMoreThan72Bytes() {
        assertThat(PasswordPolicy.problem("Aa1-" + "x".repeat(68), "warden")).isEmpty();
        assertThat(PasswordPolicy.problem("Aa1-" + "x".repeat(69), "warden")).contains("password.tooLong");
        assertThat(PasswordPolicy.problem("Aa1-" + "密".repeat(23), "warden")).contains("password.tooLong");
    }
}
