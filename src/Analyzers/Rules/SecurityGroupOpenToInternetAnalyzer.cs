using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2008. An ingress rule from the whole internet (<c>Peer.AnyIpv4()</c>, <c>Peer.AnyIpv6()</c>, <c>0.0.0.0/0</c>,
    /// <c>::/0</c>) on a port that is administrative or a data store's: SSH, RDP, SMB, WinRM, Docker, database and cache
    /// ports, all traffic, all TCP or UDP. Public web ports are meant to be open and stay quiet. A default-port rule
    /// (<c>AllowDefaultPortFromAnyIpv4</c>) is judged by the port CDK gives the database engine or the EFS file system.
    /// CDKN_EC23 (the AwsSolutions pack, off by default) reports the rest of cdk-nag's EC23: the same ingress on any other
    /// port (or one not known here), and an Application Load Balancer listener added open to the world.
    /// </summary>
    public sealed class SecurityGroupOpenToInternetAnalyzer : CdkAnalyzer
    {
        /// <summary>The ports the rule calls sensitive, and what listens there.</summary>
        internal static readonly IReadOnlyDictionary<int, string> SensitivePorts = new Dictionary<int, string>
        {
            [21] = "FTP", [22] = "SSH", [23] = "Telnet", [445] = "SMB", [1433] = "SQL Server", [1521] = "Oracle", [2049] = "NFS",
            [2375] = "Docker", [2376] = "Docker TLS", [3306] = "MySQL", [3389] = "RDP", [5432] = "PostgreSQL", [5601] = "Kibana",
            [5985] = "WinRM", [5986] = "WinRM HTTPS", [6379] = "Redis", [9200] = "Elasticsearch", [9300] = "Elasticsearch transport",
            [11211] = "Memcached", [27017] = "MongoDB",
        };

        /// <summary>The named ports of newer CDK versions (<c>Port.SSH</c>, …) that are sensitive.</summary>
        private static readonly IReadOnlyDictionary<string, int> NamedPorts = new Dictionary<string, int>
        {
            ["SSH"] = 22, ["RDP"] = 3389, ["SMB"] = 445, ["MSSQL"] = 1433, ["MYSQL_AURORA"] = 3306, ["POSTGRES"] = 5432, ["NFS"] = 2049,
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2008, Descriptors.Pack("EC23"));

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var securityGroup = symbols.Type("Amazon.CDK.AWS.EC2.ISecurityGroup");
            var connections = symbols.Type("Amazon.CDK.AWS.EC2.Connections_");
            var loadBalancer = symbols.Type("Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer");
            if (securityGroup is null && connections is null)
            {
                return;
            }

            context.RegisterOperationAction(
                ctx =>
                {
                    var call = (IInvocationOperation)ctx.Operation;
                    var method = call.TargetMethod;
                    switch (method.Name)
                    {
                        case "AddIngressRule" when CdkSymbols.Implements(method.ContainingType, securityGroup) || SymbolEqualityComparer.Default.Equals(method.ContainingType, securityGroup):
                        case "AllowFrom" when IsConnections(method.ContainingType, connections):
                            if (call.Arguments.Length >= 2 && WholeInternet(call.Arguments[0].Value, ctx.CancellationToken) is { } peer)
                            {
                                Check(ctx, call, peer, Ports(call.Arguments[1].Value, ctx.CancellationToken));
                            }

                            break;
                        case "AllowFromAnyIpv4" when IsConnections(method.ContainingType, connections) && call.Arguments.Length >= 1:
                            Check(ctx, call, "Peer.AnyIpv4()", Ports(call.Arguments[0].Value, ctx.CancellationToken));
                            break;
                        case "AllowDefaultPortFrom" when IsConnections(method.ContainingType, connections) && call.Arguments.Length >= 1:
                            if (WholeInternet(call.Arguments[0].Value, ctx.CancellationToken) is { } from)
                            {
                                Check(ctx, call, from, DefaultPort(call.Instance, ctx.CancellationToken));
                            }

                            break;
                        case "AllowDefaultPortFromAnyIpv4" when IsConnections(method.ContainingType, connections):
                            Check(ctx, call, "Peer.AnyIpv4()", DefaultPort(call.Instance, ctx.CancellationToken));
                            break;
                        case "AddListener" when loadBalancer is not null && CdkSymbols.InheritsFrom(method.ContainingType, loadBalancer) && call.Arguments.Length >= 2:
                            OpenListener(ctx, call);
                            break;
                    }
                },
                OperationKind.Invocation);
        }

        /// <summary>The EC2 <c>Connections</c> class (or a type derived from it), where the <c>Allow…</c> methods live.</summary>
        private static bool IsConnections(INamedTypeSymbol? type, INamedTypeSymbol? connections)
            => connections is not null && (SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, connections) || CdkSymbols.InheritsFrom(type, connections));

        /// <summary>`lb.AddListener(id, props)` with <c>Open</c> unset or true: CDK adds an ingress rule from anywhere on the listener's port.</summary>
        private static void OpenListener(OperationAnalysisContext ctx, IInvocationOperation call)
        {
            var props = PropsReader.Read(call.Arguments[1].Value, ctx.CancellationToken);
            if (props.TryGet("Open", out var open))
            {
                if (Constant.TryGetBool(open.Value, out var isOpen) && isOpen)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("EC23"), open.Value.Syntax.GetLocation(), "This listener", "sets Open = true, so CDK lets every address reach its port"));
                }
            }
            else if (props.IsComplete)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("EC23"), call.Syntax.GetLocation(), "This listener", "is open to the world (CDK's default for Open is true): every address can reach its port"));
            }
        }

        private static void Check(OperationAnalysisContext ctx, IInvocationOperation call, string peer, (int From, int To, string Name)? ports)
        {
            if (ports is not { } range)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("EC23"), call.Syntax.GetLocation(), "This rule", $"lets {peer} in"));
                return;
            }

            string? what = range.Name.Length > 0 ? range.Name : null;
            if (what is null)
            {
                foreach (var port in SensitivePorts)
                {
                    if (port.Key >= range.From && port.Key <= range.To)
                    {
                        what = range.From == range.To ? $"port {port.Key} ({port.Value})" : $"ports {range.From}-{range.To}, which include {port.Key} ({port.Value})";
                        break;
                    }
                }
            }

            if (what is not null)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2008, call.Syntax.GetLocation(), what, peer));
            }
            else
            {
                var port = range.From == range.To ? "port " + range.From : $"ports {range.From}-{range.To}";
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("EC23"), call.Syntax.GetLocation(), "This rule", $"opens {port} to {peer}"));
            }
        }

        /// <summary>`Peer.AnyIpv4()`, `Peer.AnyIpv6()`, `Peer.Ipv4("0.0.0.0/0")`, `Peer.Ipv6("::/0")` (through a local), as written.</summary>
        private static string? WholeInternet(IOperation value, System.Threading.CancellationToken cancellationToken)
        {
            if (ConstructRelations.Resolve(value, cancellationToken) is not IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.Name: "Peer" } peer } call)
            {
                return null;
            }

            switch (peer.Name)
            {
                case "AnyIpv4" or "AnyIpv6":
                    return "Peer." + peer.Name + "()";
                case "Ipv4" or "Ipv6" when call.Arguments.Length == 1 && Constant.TryGetString(call.Arguments[0].Value, out var cidr) && cidr is "0.0.0.0/0" or "::/0":
                    return $"Peer.{peer.Name}(\"{cidr}\")";
                default:
                    return null;
            }
        }

        /// <summary>The port range a `Port` value opens; the name is set when the range is everything (all traffic, all TCP).</summary>
        private static (int From, int To, string Name)? Ports(IOperation value, System.Threading.CancellationToken cancellationToken)
        {
            switch (ConstructRelations.Resolve(value, cancellationToken) ?? ConstructCreation.Unwrap(value))
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.Name: "Port", Name: var name } } call:
                    switch (name)
                    {
                        case "AllTraffic":
                            return (0, 65535, "all traffic");
                        case "AllTcp":
                            return (0, 65535, "every TCP port");
                        case "AllUdp":
                            return (0, 65535, "every UDP port");
                        case "Tcp" or "Udp" when call.Arguments.Length == 1 && Constant.TryGetNumber(call.Arguments[0].Value, out var port):
                            return ((int)port, (int)port, string.Empty);
                        case "TcpRange" or "UdpRange" when call.Arguments.Length == 2 && Constant.TryGetNumber(call.Arguments[0].Value, out var from) && Constant.TryGetNumber(call.Arguments[1].Value, out var to):
                            return ((int)from, (int)to, string.Empty);
                        default:
                            return null;
                    }

                case IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "Port", Name: var named } } when NamedPorts.TryGetValue(named, out var known):
                    return (known, known, string.Empty);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The default port of `x.Connections` for a database or file system created in view: the props' `Port` when it is
        /// a constant, else the engine's port (MySQL and MariaDB 3306, PostgreSQL 5432, Oracle 1521, SQL Server 1433) or NFS.
        /// </summary>
        private static (int From, int To, string Name)? DefaultPort(IOperation? connections, System.Threading.CancellationToken cancellationToken)
        {
            if (ConstructCreation.Unwrap(connections) is not IPropertyReferenceOperation { Property.Name: "Connections", Instance: { } owner }
                || ConstructRelations.Resolve(owner, cancellationToken) is not IObjectCreationOperation { Type: { } type } creation)
            {
                return null;
            }

            if (type.Name == "FileSystem" && type.ContainingNamespace.ToDisplayString() == "Amazon.CDK.AWS.EFS")
            {
                return (2049, 2049, string.Empty);
            }

            IOperation? props = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "props")
                {
                    props = argument.Value;
                }
            }

            var view = PropsReader.Read(props, cancellationToken);
            if (view.TryGet("Port", out var explicitPort))
            {
                return Constant.TryGetNumber(explicitPort.Value, out var port) ? ((int)port, (int)port, string.Empty) : null;
            }

            var engine = ConstructCreation.Unwrap(view.ValueOf("Engine")) switch
            {
                IPropertyReferenceOperation { Property.IsStatic: true } p => p.Property.Name,
                IInvocationOperation { TargetMethod.IsStatic: true } m => m.TargetMethod.Name.ToUpperInvariant(),
                _ => null,
            };
            // `AURORA_POSTGRESQL` and `AuroraPostgres(…)` alike: the member's or the factory method's name, without underscores.
            var name = engine?.Replace("_", string.Empty);
            var enginePort = name switch
            {
                null => 0,
                _ when name.Contains("POSTGRES") => 5432,
                _ when name.StartsWith("AURORA", System.StringComparison.Ordinal) || name.StartsWith("MYSQL", System.StringComparison.Ordinal) || name.StartsWith("MARIA", System.StringComparison.Ordinal) => 3306,
                _ when name.StartsWith("ORACLE", System.StringComparison.Ordinal) => 1521,
                _ when name.StartsWith("SQLSERVER", System.StringComparison.Ordinal) => 1433,
                _ => 0,
            };
            return enginePort == 0 ? null : (enginePort, enginePort, string.Empty);
        }
    }
}
