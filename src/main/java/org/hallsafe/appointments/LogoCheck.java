package org.hallsafe.appointments;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hallsafe.platform.ImageTypes;

/**
 * What a hall's logo may be (issue 20, item 5): a PNG, a JPEG or a plain SVG, told by its content and never by the
 * name or the browser's word, at most 200 KB. An SVG is a drawing only: no script, no event handler, no embedded
 * page, no link or picture from elsewhere. A pure rule: no Spring, no database.
 */
final class LogoCheck {

    static final int MAX_BYTES = 200 * 1024;

    private static final Pattern SVG_START = Pattern.compile("\\A\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<svg[\\s>]",
            Pattern.DOTALL);
    private static final Pattern SVG_FORBIDDEN = Pattern.compile(
            "<script|<foreignobject|<iframe|<embed|<object|<!entity|<!doctype|\\son[a-z]+\\s*=|javascript:|"
                    + "(href|src)\\s*=\\s*[\"']\\s*(?!#|data:image/(png|jpeg);)[^\"']|@import|url\\(\\s*[\"']?\\s*(?!#)",
            Pattern.CASE_INSENSITIVE);

    private LogoCheck() {
    }

    /** The file's content type, or the message key that says why it is refused. */
    record Verdict(String contentType, String problem) {

        boolean accepted() {
            return problem == null;
        }
    }

    static Verdict of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new Verdict(null, "appointments.logo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return new Verdict(null, "appointments.logo.tooLarge");
        }
        String type = ImageTypes.of(bytes);
        if ("image/png".equals(type) || "image/jpeg".equals(type)) {
            return new Verdict(type, null);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 || !SVG_START.matcher(text).lookingAt()
                || !text.toLowerCase(Locale.ROOT).contains("</svg>")) {
            return new Verdict(null, "appointments.logo.type");
        }
        if (SVG_FORBIDDEN.matcher(text).find()) {
            return new Verdict(null, "appointments.logo.unsafe");
        }
        return new Verdict("image/svg+xml", null);
    }
}
