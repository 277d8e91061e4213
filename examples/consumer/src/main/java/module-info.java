/** The program runs on the module path too: Pitstop's jars are automatic modules (Automatic-Module-Name). */
module com.example.broker {
    requires dev.pitstop.core;
}
