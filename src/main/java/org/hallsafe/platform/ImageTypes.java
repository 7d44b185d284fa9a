package org.hallsafe.platform;

/** The kinds of picture HallSafe takes (disinfection photos, notice pictures), told by their first bytes. */
public final class ImageTypes {

    private ImageTypes() {
    }

    /** JPEG, PNG or WebP by their first bytes, whatever the browser claimed; {@code null} for anything else. */
    public static String of(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
