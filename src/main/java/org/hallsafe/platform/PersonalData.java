package org.hallsafe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Personal data under PIPL: ID-card and phone numbers are sealed with SM4-GCM (国密) before they reach the database,
 * found again through an HMAC-SM3 of the normalised value, and shown masked. Reading a plain value is written to the
 * audit log.
 */
@Component
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;

    private final SecretKeySpec cipherKey;
    private final byte[] hashKey;
    private final SecureRandom random = new SecureRandom();
    private final ActivityLog activity;

    PersonalData(HallSafeProperties properties, ActivityLog activity) {
        byte[] master = masterKey(properties);
        this.cipherKey = new SecretKeySpec(Arrays.copyOf(hmac(master, "hallsafe-sm4"), 16), "SM4");
        this.hashKey = hmac(master, "hallsafe-lookup");
        this.activity = activity;
    }

    /** Seals a value that has been validated and normalised by its value type; {@code masked} is its display form. */
    public SealedValue seal(String value, String masked) {
        if (value == null || value.isEmpty()) {
            return new SealedValue(null, null, null);
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + IV_BYTES + sealed.length];
            out[0] = VERSION;
            System.arraycopy(iv, 0, out, 1, IV_BYTES);
            System.arraycopy(sealed, 0, out, 1 + IV_BYTES, sealed.length);
            return new SealedValue(out, lookupHash(value), masked);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 is not available", e);
        }
    }

    /** The keyed hash to find a record by its exact (normalised) value. */
    public byte[] lookupHash(String value) {
        return hmac(hashKey, value);
    }

    /**
     * The plain value, for a person whose role may see it; the read is logged with who, when, from where and whose
     * data. Callers check the permission before calling.
     */
    public String reveal(byte[] cipherText, String subjectType, Object subjectId, String field) {
        if (cipherText == null) {
            return "";
        }
        activity.record("PERSONAL_DATA_READ", subjectType, subjectId, field);
        return open(cipherText);
    }

    /**
     * Opens many values for one screen or one export: a single audit entry names what was read and how much.
     * Null entries stay null.
     */
    public java.util.List<String> revealAll(java.util.List<byte[]> cipherTexts, String subjectType, String summary) {
        activity.record("PERSONAL_DATA_READ", subjectType, null, summary + " (" + cipherTexts.size() + ")");
        // one cipher for the whole batch: a fresh one would rebuild its GCM tables for every value
        Cipher cipher = newCipher();
        java.util.List<String> plain = new java.util.ArrayList<>(cipherTexts.size());
        for (byte[] cipherText : cipherTexts) {
            plain.add(open(cipher, cipherText));
        }
        return java.util.Collections.unmodifiableList(plain);
    }

    /**
     * A search by a full ID or phone number, written to the audit log: who searched (the signed-in user), what kind of
     * number, the number masked, and how many records it found. Searches by part of a number or by name are not logged.
     */
    public void recordLookUp(String subjectType, String numberKind, String masked, int found) {
        activity.record("PERSONAL_DATA_LOOKUP", subjectType, null, numberKind + " " + masked + ": " + found);
    }

    /** Whether this key opens the sealed value (a restore checks the backup was sealed with this key). */
    boolean opens(byte[] cipherText) {
        try {
            open(cipherText);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4 is not available", e);
        }
    }

    /** The plain value, unaudited: only for platform's own machinery (the outbox worker opening a number to send to). */
    String open(byte[] cipherText) {
        return cipherText == null ? null : open(newCipher(), cipherText);
    }

    private String open(Cipher cipher, byte[] cipherText) {
        if (cipherText == null) {
            return null;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, cipherKey, new GCMParameterSpec(128, cipherText, 1, IV_BYTES));
            return new String(cipher.doFinal(cipherText, 1 + IV_BYTES, cipherText.length - 1 - IV_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be decrypted: is hallsafe.crypto.key the one it was sealed with?", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] in = message.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] masterKey(HallSafeProperties properties) {
        if (!properties.crypto().key().isBlank()) {
            return Base64.getDecoder().decode(properties.crypto().key().strip());
        }
        Path file = properties.dataDir().resolve("hallsafe.key").toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            log.warn("A new key for personal data was written to {}. Back it up: without it the stored ID and phone "
                    + "numbers cannot be read. Several nodes must share one key through HALLSAFE_CRYPTO_KEY.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the personal-data key " + file, e);
        }
    }
}
