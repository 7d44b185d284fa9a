package org.hallsafe.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field people type: at most {@code max} characters (counted as PostgreSQL's {@code char_length} counts them,
 * so the form, the API and the table's {@code CHECK} agree), and no control characters (NUL, escape …); a
 * {@code multiline} field may hold line breaks and tabs. Empty passes: add {@code @NotBlank} to require a value.
 * <p>
 * Every String a page or the API receives is first made blank when it holds only spaces, no-break spaces or
 * zero-width characters ({@link Rules#normalise}), so {@code @NotBlank} refuses it and an optional field stores nothing.
 * Bounds used across HallSafe: a code 20, a person's name 50, a phone 20, a short label 100, a title 100, a note or
 * notice 500, a questioning record 2000.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    /** A person's name: citizen, staff, caller, receiver. */
    int NAME = 50;
    /** A phone number or phone line as typed. */
    int PHONE = 20;
    /** A code or number: certificate, invoice, batch, card. */
    int CODE = 40;
    /** A short label: a place, a unit, a title, a supplier, an item. */
    int LABEL = 100;
    /** A note, a reason, a notice or reminder text. */
    int NOTE = 500;
    /** A questioning record, materials to bring, duties: the longest free text. */
    int RECORD = 2000;

    int max();

    boolean multiline() default false;

    String message() default "{validation.text.tooLong}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Message keys without arguments, for forms that carry a field-to-key map ({@link InvalidInputException}). */
    String TOO_LONG = "validation.tooLong";
    String CONTROL = "validation.text.control";

    /** The rules as plain functions, for the binder, the JSON reader and rules checked in a service. */
    final class Rules {

        private Rules() {
        }

        /**
         * What is wrong with {@code value} as a text of at most {@code max} characters: a message key, or null when it is
         * fine. For rules checked in a service rather than on a form record.
         */
        public static String problem(String value, int max, boolean multiline) {
            if (value == null) {
                return null;
            }
            if (hasControl(value, multiline)) {
                return CONTROL;
            }
            return value.codePointCount(0, value.length()) > max ? TOO_LONG : null;
        }

        /** True for C0/C1 control characters and lone surrogates; a multi-line text keeps {@code \n}, {@code \r}, {@code \t}. */
        public static boolean hasControl(String value, boolean multiline) {
            return value.codePoints().anyMatch(c -> {
                int type = Character.getType(c);
                if (type == Character.SURROGATE) {
                    return true;
                }
                if (type != Character.CONTROL) {
                    return false;
                }
                return !(multiline && (c == '\n' || c == '\r' || c == '\t'));
            });
        }

        /**
         * True when the text holds nothing a person can see: only white space (incl. no-break spaces U+00A0, U+202F, and
         * the ideographic space U+3000) and zero-width characters (U+200B..U+200D, U+2060, U+FEFF).
         */
        public static boolean isBlank(String value) {
            return value == null || value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF);
        }

        /**
         * At most {@code max} UTF-16 units of {@code value}, never splitting a character: for texts HallSafe makes
         * itself (titles, spreadsheet cells) where refusing is no option.
         */
        public static String truncate(String value, int max) {
            if (value == null || value.length() <= max) {
                return value;
            }
            int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
            return value.substring(0, end);
        }

        /** The value as HallSafe keeps it: an invisible-only value becomes empty; anything else is left as typed. */
        public static String normalise(String value) {
            return value != null && !value.isEmpty() && isBlank(value) ? "" : value;
        }
    }

    class Validator implements ConstraintValidator<PlainText, CharSequence> {

        private int max;
        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            this.max = annotation.max();
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString();
            if (Rules.hasControl(text, multiline)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + CONTROL + "}").addConstraintViolation();
                return false;
            }
            return text.codePointCount(0, text.length()) <= max;
        }
    }
}
