package org.hallsafe.appointments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, item 5: a hall's logo is a PNG, a JPEG or a plain SVG, told by content, at most 200 KB (a pure rule). */
class Issue20LogoCheckTest {

    static byte[] picture(String format) throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x0b5ed7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static LogoCheck.Verdict svg(String text) {
        return LogoCheck.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void r20_5_pngJpegAndAPlainSvgAreTakenByTheirContent() throws Exception {
        assertThat(LogoCheck.of(picture("png")).contentType()).isEqualTo("image/png");
        assertThat(LogoCheck.of(picture("jpg")).contentType()).isEqualTo("image/jpeg");
        assertThat(svg("""
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#c00"/>
                <use href="#a"/></svg>""").contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void r20_5_anythingElseIsRefusedWithTheReason() throws Exception {
        assertThat(LogoCheck.of(new byte[0]).problem()).isEqualTo("appointments.logo.empty");
        assertThat(LogoCheck.of("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)).problem())
                .as("a page named logo.png").isEqualTo("appointments.logo.type");
        assertThat(LogoCheck.of(new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 2, 3}).problem()).isEqualTo("appointments.logo.type");
        byte[] large = new byte[LogoCheck.MAX_BYTES + 1];
        System.arraycopy(picture("png"), 0, large, 0, 8);
        assertThat(LogoCheck.of(large).problem()).isEqualTo("appointments.logo.tooLarge");
        for (String unsafe : new String[] {
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example/x.png\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div/></foreignObject></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import 'https://x.example/a.css';</style></svg>"}) {
            assertThat(svg(unsafe).problem()).as(unsafe).isEqualTo("appointments.logo.unsafe");
        }
    }
}
