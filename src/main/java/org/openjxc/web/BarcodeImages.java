package org.openjxc.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** Barcode and QR images for labels and printed documents, drawn by ZXing, as PNG data URIs ready for an {@code <img>}. */
public final class BarcodeImages {

    private BarcodeImages() {}

    /**
     * EAN-13 when the value is a valid EAN-13 (check digit included), Code 128 otherwise; null when
     * the value has characters no linear barcode can carry (a Chinese item code), so only the QR
     * code is printed.
     */
    public static String linear(String value) {
        try {
            BitMatrix matrix = isEan13(value)
                    ? new EAN13Writer().encode(value, BarcodeFormat.EAN_13, 260, 80)
                    : new Code128Writer().encode(value, BarcodeFormat.CODE_128, 260, 80);
            return png(matrix);
        } catch (IllegalArgumentException notEncodable) {
            return null;
        }
    }

    public static String qr(String value) {
        try {
            return png(new QRCodeWriter()
                    .encode(
                            value,
                            BarcodeFormat.QR_CODE,
                            120,
                            120,
                            Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1)));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isEan13(String value) {
        if (!value.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (value.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == value.charAt(12) - '0';
    }

    private static String png(BitMatrix matrix) {
        var out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
