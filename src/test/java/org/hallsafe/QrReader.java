package org.hallsafe;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
 * (ZXing's pure-barcode mode), then by searching for it in the picture drawn four times as large (the search misreads
 * codes of 3 px a module). ZXing's search alone misread a few clean codes, one of which failed a CI run (the notice
 * poster's, at 42 mm), while a phone's scanner reads them.
 */
public final class QrReader {

    private QrReader() {}

    /** The text of the code, or null when neither way reads it. */
    public static String read(BufferedImage image) {
        try {
            return new QRCodeReader().decode(bitmap(image), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (ReaderException pureFailed) {
            try {
                return new QRCodeReader().decode(bitmap(enlarged(image, 4)), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                        .getText();
            } catch (ReaderException searchFailed) {
                return null;
            }
        }
    }

    public static String read(byte[] png) throws IOException {
        return read(ImageIO.read(new ByteArrayInputStream(png)));
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }

    private static BufferedImage enlarged(BufferedImage image, int times) {
        BufferedImage large = new BufferedImage(image.getWidth() * times, image.getHeight() * times, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }
}
