package org.openjxc.web;

import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file's bytes and name, an absent upload read as empty (which the checks refuse). */
public final class Uploads {

    private Uploads() {}

    public static byte[] bytes(MultipartFile file) throws IOException {
        return file == null ? new byte[0] : file.getBytes();
    }

    public static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }
}
