package org.hallsafe.platform;

/** Text widths for spreadsheet columns. */
final class TextWidth {

    private TextWidth() {
    }

    /** How wide a text is in a spreadsheet's characters: a Chinese (full-width) character counts two. */
    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115F || c == 0x2329 || c == 0x232A
                || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000 && c <= 0x3FFFD);
    }
}
