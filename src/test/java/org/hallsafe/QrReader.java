package org.hallsafe;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a QR code from a picture of it with white around, as the browser tests take them: first as the whole picture
 * (ZXing's pure-barcode mode), then by searching for it. ZXing's search alone misreads a few clean codes: 3 of 120 of
 * the notice poster's URLs, one of which failed a CI run, while a phone's scanner reads them.
 */
public final class QrReader {

    private QrReader() {}

    /** The text of the code, or null when neither way reads it. */
    public static String read(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var luminance = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        for (var hint : new DecodeHintType[] {DecodeHintType.PURE_BARCODE, DecodeHintType.TRY_HARDER}) {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)), Map.of(hint, Boolean.TRUE))
                        .getText();
            } catch (ReaderException e) {
                // the other way, or null
            }
        }
        return null;
    }

    public static String read(byte[] png) throws IOException {
        return read(ImageIO.read(new ByteArrayInputStream(png)));
    }
}
