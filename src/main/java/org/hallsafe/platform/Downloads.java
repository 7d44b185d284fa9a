package org.hallsafe.platform;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/** How every Excel ledger leaves HallSafe: the right type, a file name, and the stream to write it to. */
public final class Downloads {

    private Downloads() {
    }

    public static OutputStream xlsx(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"");
        return response.getOutputStream();
    }
}
