/**
 * Pitstop on the module path. Pitstop's jars are automatic modules, and an automatic module declares no
 * {@code requires}: without this descriptor, the JDK's {@code java.net.http} and every library that is a module of
 * its own (jakarta.inject, Jackson, Commons Compress, SLF4J, ...) would be missing at run time unless the program
 * added them with {@code --add-modules}. A program's {@code module-info} needs only {@code requires dev.pitstop.engine}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.pitstop.engine {
    requires transitive dev.pitstop.core;
    requires transitive dev.pitstop.control;
    requires dev.pitstop.manifest;
    requires dev.pitstop.signing;
    requires dev.pitstop.fetchers;
    requires dev.pitstop.supervisor;

    requires java.net.http;
    requires jakarta.inject;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.apache.commons.compress;
    requires org.tukaani.xz;
    requires com.github.luben.zstd_jni;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    requires com.googlecode.javaewah;
    requires org.apache.commons.codec;
}
