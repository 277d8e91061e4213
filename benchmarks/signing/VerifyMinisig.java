import dev.pitstop.signing.ManifestSigner;
import dev.pitstop.signing.minisign.Minisign;
import java.nio.file.Path;

/** Whole-process counterpart of {@code minisign -Vm FILE -p KEY}: verifies FILE.minisig with Pitstop's code. */
public final class VerifyMinisig {
    public static void main(String[] args) {
        String comment = new ManifestSigner(new Minisign()).verify(Path.of(args[0]), Path.of(args[1]));
        System.out.println("Signature and comment signature verified\nTrusted comment: " + comment);
    }
}
