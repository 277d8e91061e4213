/** On the module path, the one module to require is dev.pitstop.engine (it brings what Pitstop's jars need). */
module com.example.broker {
    requires dev.pitstop.engine;
}
