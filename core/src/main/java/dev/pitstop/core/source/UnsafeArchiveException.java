package dev.pitstop.core.source;

/** An archive entry would escape the target folder, is a device, or the archive expands too far. */
public class UnsafeArchiveException extends FetchException {
    private static final long serialVersionUID = 1L;
    private final String entry;

    public UnsafeArchiveException(String archive, String entry, String why) {
        super(archive + ": unsafe entry '" + entry + "': " + why);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
