package org.hallsafe.platform;

/**
 * A piece of personal data as it is stored: the SM4 cipher text, a keyed hash for exact look-up, and the masked
 * form that screens and exports show. The plain value is only had through {@link PersonalData#reveal}.
 */
public record SealedValue(byte[] cipherText, byte[] lookupHash, String masked) {
}
