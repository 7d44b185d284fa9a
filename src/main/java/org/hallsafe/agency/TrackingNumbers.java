package org.hallsafe.agency;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tracking numbers (快递单号) checked by their carrier's format before an envelope is logged in or out. A pure rule: no
 * Spring, no database.
 *
 * <p>What each format rests on:
 * <ul>
 * <li>UPU S10 (China Post registered mail, EMS international and the "E?..CN" numbers on domestic EMS labels): two
 * letters, eight serial digits, a check digit, two letters (the country). The check digit weighs the eight digits by
 * 8 6 4 2 3 5 9 7; 11 − (sum mod 11), where 10 gives 0 and 11 gives 5 (UPU standard S10).</li>
 * <li>EMS domestic: 13 characters, the length EMS's own tracking page accepts; the numeric form is 13 digits
 * (a public note of carriers' tracking rules: "EMS官网提示编号为13位字符"). An EMS number may also be an S10.</li>
 * <li>SF Express (顺丰): "运单号只能为12位数字" (SF's own site, as quoted in the same public note), and the newer
 * waybills "SF" followed by 13 digits (15 characters, as on SF labels since 2019).</li>
 * <li>Any other carrier: free text of 4..40 letters, digits and dashes, accepted but flagged, so staff check it by
 * hand; a China Post or EMS number that fits none of its formats is refused, never flagged.</li>
 * </ul>
 */
final class TrackingNumbers {

    /** The carriers of the {@code agency_mail.carrier} column. */
    enum Carrier { CHINA_POST, EMS, SF, OTHER }

    /** The outcome: the number as it will be stored (upper case, no spaces), flagged when its format is unknown. */
    record Checked(String number, boolean flagged, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    static final int MAX_LENGTH = 40;

    private static final Pattern S10 = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
    private static final Pattern EMS_DOMESTIC = Pattern.compile("\\d{13}");
    private static final Pattern SF = Pattern.compile("\\d{12}|SF\\d{13}");
    private static final Pattern FREE = Pattern.compile("[A-Z0-9-]{4," + MAX_LENGTH + "}");
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private TrackingNumbers() {
    }

    /** Checks a number typed or scanned for a carrier; spaces are dropped and letters upper-cased. */
    static Checked check(Carrier carrier, String typed) {
        String n = typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (n.isEmpty()) {
            return new Checked(n, false, "validation.required");
        }
        if (n.length() > MAX_LENGTH) {
            return new Checked(n, false, "agency.tracking.tooLong");
        }
        switch (carrier == null ? Carrier.OTHER : carrier) {
            case CHINA_POST:
                return s10(n);
            case EMS:
                return EMS_DOMESTIC.matcher(n).matches() ? new Checked(n, false, null) : s10(n);
            case SF:
                return SF.matcher(n).matches() ? new Checked(n, false, null)
                        : new Checked(n, false, "agency.tracking.sf");
            default:
                return FREE.matcher(n).matches() ? new Checked(n, true, null)
                        : new Checked(n, false, "agency.tracking.free");
        }
    }

    private static Checked s10(String n) {
        if (!S10.matcher(n).matches()) {
            return new Checked(n, false, "agency.tracking.s10");
        }
        return checkDigit(n.substring(2, 10)) == n.charAt(10) - '0' ? new Checked(n, false, null)
                : new Checked(n, false, "agency.tracking.s10Check");
    }

    /** The S10 check digit of eight serial digits. */
    static int checkDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }
}
