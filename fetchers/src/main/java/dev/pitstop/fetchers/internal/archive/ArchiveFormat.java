package dev.pitstop.fetchers.internal.archive;

import java.util.Locale;

/** How a downloaded file is packed, told by its name. */
public enum ArchiveFormat {
    TAR_GZ(true, "gz"), TAR_XZ(true, "xz"), TAR_BZ2(true, "bzip2"), TAR_ZST(true, "zstd"), TAR(true, null),
    ZIP(false, null), GZ(false, "gz"), XZ(false, "xz"), BZ2(false, "bzip2"), ZST(false, "zstd"), BARE(false, null);

    private final boolean tar;
    private final String compressor;

    ArchiveFormat(boolean tar, String compressor) {
        this.tar = tar;
        this.compressor = compressor;
    }

    boolean isTar() {
        return tar;
    }

    /** The Commons Compress compressor name, or {@code null}. */
    String compressor() {
        return compressor;
    }

    public static ArchiveFormat of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
            return TAR_GZ;
        } else if (n.endsWith(".tar.xz") || n.endsWith(".txz")) {
            return TAR_XZ;
        } else if (n.endsWith(".tar.bz2") || n.endsWith(".tbz2") || n.endsWith(".tbz")) {
            return TAR_BZ2;
        } else if (n.endsWith(".tar.zst") || n.endsWith(".tzst")) {
            return TAR_ZST;
        } else if (n.endsWith(".tar")) {
            return TAR;
        } else if (n.endsWith(".zip")) {
            return ZIP;
        } else if (n.endsWith(".gz")) {
            return GZ;
        } else if (n.endsWith(".xz")) {
            return XZ;
        } else if (n.endsWith(".bz2")) {
            return BZ2;
        } else if (n.endsWith(".zst")) {
            return ZST;
        }
        return BARE;
    }
}
