package io.sessionlens.demodata.dialect;

import java.util.Base64;
import java.util.HexFormat;

/** How MLflow versions spell an OTel id that the generator holds as hex. */
final class Base64Ids {
    private Base64Ids() {}

    /** 3.0–3.4 and ≥3.6: base64 of the raw id bytes. */
    static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
