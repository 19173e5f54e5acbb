package io.sessionlens.importer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one import may hold; each is a property under {@code sessionlens.import} (README, "Limits"), checked as early as
 * the request allows, and a refusal names the property. Decision record 013.
 *
 * @param maxRequestSize the whole request body (one file, or all parts of a multipart request)
 * @param maxFiles files in one multipart request
 * @param maxUnzippedSize everything a zip or gzip file expands to, all its entries together
 * @param maxZipRatio how many times its compressed size an archive may expand to (checked from 16 MB on)
 * @param maxStringLength characters in one JSON text value (a span input, an attribute)
 */
@ConfigurationProperties("sessionlens.import")
public record ImportLimits(DataSize maxRequestSize, int maxFiles, DataSize maxUnzippedSize, int maxZipRatio,
        int maxStringLength) {
    public static final ImportLimits DEFAULTS = new ImportLimits(DataSize.ofGigabytes(2), 50, DataSize.ofGigabytes(8),
            200, 32 * 1024 * 1024);

    public ImportLimits {
        if (maxRequestSize == null) maxRequestSize = DEFAULTS.maxRequestSize;
        if (maxFiles <= 0) maxFiles = DEFAULTS.maxFiles;
        if (maxUnzippedSize == null) maxUnzippedSize = DEFAULTS.maxUnzippedSize;
        if (maxZipRatio <= 0) maxZipRatio = DEFAULTS.maxZipRatio;
        if (maxStringLength <= 0) maxStringLength = DEFAULTS.maxStringLength;
    }

    /** A size as a user reads it: "2 GB", "512 MB", "1,234 bytes". */
    public static String describe(DataSize size) {
        long b = size.toBytes();
        if (b >= 1L << 30 && b % (1L << 30) == 0) return (b >> 30) + " GB";
        if (b >= 1L << 20 && b % (1L << 20) == 0) return (b >> 20) + " MB";
        return "%,d bytes".formatted(b);
    }
}
