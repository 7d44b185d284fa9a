package org.hallsafe.platform;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, item 8: which database refusals are the caller's bad input, and the field each one names. */
class BadInputFieldTest {

    private static DataIntegrityViolationException refused(String state, String message) {
        return new DataIntegrityViolationException("refused", new SQLException(message, state));
    }

    @Test
    void r12_8_anUnknownOrForeignIdNamesItsFieldAndIsBadInput() {
        var e = refused("23503", "ERROR: insert or update on table \"consultations\" violates foreign key constraint "
                + "\"consultations_window_fk\"\n  Detail: Key (site_id, window_id)=(7, 999) is not present in table \"windows\".");
        assertThat(BadInput.isBadInput(e)).isTrue();
        assertThat(BadInput.field(e)).contains("windowId");
        assertThat(BadInput.messageKey(e)).isEqualTo("input.unknownReference");
    }

    @Test
    void r12_8_aCheckViolationNamesTheColumnOfItsConstraint() {
        var e = refused("23514", "ERROR: new row for relation \"suppliers\" violates check constraint \"suppliers_name_check\"");
        assertThat(BadInput.isBadInput(e)).isTrue();
        assertThat(BadInput.field(e)).contains("name");
        assertThat(BadInput.isConflict(refused("23505", "duplicate key value violates unique constraint \"x\""))).isTrue();
    }

    @Test
    void r12_8_aNulByteIsBadInputButALostConnectionStaysAServerFault() {
        assertThat(BadInput.isBadInput(refused("22021", "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"))).isTrue();
        assertThat(BadInput.isBadInput(new org.springframework.dao.DataAccessResourceFailureException("down",
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(BadInput.isBadInput(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void r12_8_aPasswordOver72BytesIsRefusedBeforeBcryptSeesIt() {
        assertThat(PasswordPolicy.problem("Aa1!" + "x".repeat(96), "someone")).contains("password.tooLong");
        assertThat(PasswordPolicy.problem("Aa1!密码" + "x".repeat(60), "someone")).isEmpty();
    }
}
