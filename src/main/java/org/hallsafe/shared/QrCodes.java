package org.hallsafe.shared;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as SVG markup, made on the server (the page runs no script to draw it): the notice posters' codes and
 * the agency's transfer sheets. Black squares on white with a four-module quiet zone, so a phone reads it from paper
 * at arm's length; the medium error correction survives a crease or a pin through the poster.
 */
public final class QrCodes {

    private QrCodes() {}

    public static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
