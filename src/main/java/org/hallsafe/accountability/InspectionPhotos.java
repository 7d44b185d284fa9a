package org.hallsafe.accountability;

import java.io.IOException;

import org.hallsafe.platform.ImageTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** A photo as proof, checked as the hygiene pages check theirs: JPEG, PNG or WebP by its first bytes, at most 5 MB. */
final class InspectionPhotos {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** An accepted photo; {@code bytes} null when none was sent. */
    record Upload(String type, byte[] bytes) {
    }

    private InspectionPhotos() {
    }

    /** The upload, or a form-level error (and {@code null}) when it is not a picture or too large. */
    static Upload read(MultipartFile photo, BindingResult binding) throws IOException {
        if (photo == null || photo.isEmpty()) {
            return new Upload(null, null);
        }
        byte[] bytes = photo.getSize() > MAX_BYTES ? null : photo.getBytes();
        String type = bytes == null ? null : ImageTypes.of(bytes);
        if (type == null) {
            binding.reject("inspection.photo.invalid");
            return null;
        }
        return new Upload(type, bytes);
    }

    /** A stored photo as the browser shows it: its own type, never sniffed, never a page of its own. */
    static ResponseEntity<byte[]> response(Inspections.Photo p) {
        return ResponseEntity.ok().header("Content-Type", p.contentType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").header("Cache-Control", "private")
                .body(p.bytes());
    }
}
