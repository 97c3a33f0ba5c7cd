import ArgumentParser
import TLSPrintCapture

/// `tlsprint interfaces`: what `live -i` can capture on.
struct InterfacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interfaces",
        abstract: "List the interfaces libpcap can capture on, with their state and addresses."
    )

    func run() throws {
        let interfaces: [InterfaceList.Interface]
        do { interfaces = try InterfaceList.all() } catch {
            StandardError.line("tlsprint: \(error)")
            throw ExitCode(ExitStatus(error).rawValue)
        }
        for interface in interfaces {
            var flags: [String] = []
            if interface.isUp { flags.append("up") }
            if interface.isRunning { flags.append("running") }
            if interface.isLoopback { flags.append("loopback") }
            var line = interface.name + "\t" + (flags.isEmpty ? "down" : flags.joined(separator: ","))
            if !interface.addresses.isEmpty { line += "\t" + interface.addresses.joined(separator: " ") }
            if let description = interface.description, !description.isEmpty { line += "\t(\(description))" }
            print(line)
        }
    }
}
