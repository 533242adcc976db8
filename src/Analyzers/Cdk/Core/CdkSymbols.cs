using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CdkLint.Cdk
{
    /// <summary>
    /// The CDK types every rule reasons about, resolved once per compilation and shared by all CdkLint analyzers.
    /// <see cref="Get"/> returns null for a compilation that does not reference Amazon.CDK.Lib, so a project without
    /// CDK pays one dictionary lookup per analyzer and nothing else.
    /// </summary>
    internal sealed class CdkSymbols
    {
        private static readonly ConditionalWeakTable<Compilation, Box> Cache = new();
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<ISymbol, bool> _libraryConstructTypes = new(SymbolEqualityComparer.Default);

        private readonly IAssemblySymbol _cdkAssembly;
        private readonly IAssemblySymbol? _constructsAssembly;

        private CdkSymbols(Compilation compilation, IAssemblySymbol cdkAssembly, IAssemblySymbol? constructsAssembly, INamedTypeSymbol stack, INamedTypeSymbol construct)
        {
            Compilation = compilation;
            _cdkAssembly = cdkAssembly;
            _constructsAssembly = constructsAssembly;
            Stack = stack;
            Construct = construct;
            CdkVersion = FindCdkVersion(stack);
            RemovalPolicy = Type("Amazon.CDK.RemovalPolicy");
            Duration = Type("Amazon.CDK.Duration");
            Size = Type("Amazon.CDK.Size");
            IFunctionOptions = Type("Amazon.CDK.AWS.Lambda.IFunctionOptions");
            Bucket = Type("Amazon.CDK.AWS.S3.Bucket");
        }

        public Compilation Compilation { get; }

        /// <summary>The Amazon.CDK.Lib assembly version (equal to the package version for CDK v2, e.g. 2.160.0).</summary>
        public Version CdkVersion { get; }

        public INamedTypeSymbol Stack { get; }
        public INamedTypeSymbol Construct { get; }
        public INamedTypeSymbol? RemovalPolicy { get; }
        public INamedTypeSymbol? Duration { get; }
        public INamedTypeSymbol? Size { get; }
        public INamedTypeSymbol? IFunctionOptions { get; }
        public INamedTypeSymbol? Bucket { get; }

        public static CdkSymbols? Get(Compilation compilation)
            => Cache.GetValue(compilation, static c => new Box(Create(c))).Value;

        /// <summary>Resolves a CDK type by metadata name, once per compilation; null when this CDK version lacks it.</summary>
        public INamedTypeSymbol? Type(string metadataName)
        {
            if (!_types.TryGetValue(metadataName, out var type))
            {
                type = Resolve(metadataName.StartsWith("Constructs.", StringComparison.Ordinal) ? _constructsAssembly : _cdkAssembly, metadataName);
                _types.TryAdd(metadataName, type);
            }

            return type;
        }

        private static CdkSymbols? Create(Compilation compilation)
        {
            // A project without CDK pays one scan of its reference names: resolving a type by name would first index
            // every type of every referenced assembly.
            var cdkReference = FindReference(compilation, "Amazon.CDK.Lib.dll");
            if (cdkReference is null || compilation.GetAssemblyOrModuleSymbol(cdkReference) is not IAssemblySymbol cdk)
            {
                return null;
            }

            // Types are looked up in the two assemblies that define them, never compilation-wide: a compilation-wide
            // lookup searches every reference (the whole framework), which measured a third of a second per build.
            var constructsReference = FindReference(compilation, "Constructs.dll");
            var constructs = constructsReference is null ? null : compilation.GetAssemblyOrModuleSymbol(constructsReference) as IAssemblySymbol;
            var stack = Resolve(cdk, "Amazon.CDK.Stack");
            var construct = Resolve(constructs, "Constructs.Construct");
            return stack is null || construct is null ? null : new CdkSymbols(compilation, cdk, constructs, stack, construct);
        }

        /// <summary>
        /// Read from the reference list, not from the bound assemblies: binding the references is work the compiler
        /// does anyway, and a project without CDK should not be the one to start it.
        /// </summary>
        private static MetadataReference? FindReference(Compilation compilation, string fileName)
        {
            foreach (var reference in compilation.References)
            {
                var path = (reference as PortableExecutableReference)?.FilePath ?? reference.Display;
                if (path is not null && path.EndsWith(fileName, StringComparison.OrdinalIgnoreCase)
                    && (path.Length == fileName.Length || path[path.Length - fileName.Length - 1] is '/' or '\\'))
                {
                    return reference;
                }
            }

            return null;
        }

        private static INamedTypeSymbol? Resolve(IAssemblySymbol? assembly, string metadataName)
            => assembly?.GetTypeByMetadataName(metadataName);

        /// <summary>
        /// The package version of Amazon.CDK.Lib. Its assembly, file and informational versions are a constant 1.0.0,
        /// so the version comes from the jsii attribute that names the bundled npm package:
        /// <c>[assembly: JsiiAssembly("aws-cdk-lib", "2.160.0", "aws-cdk-lib-2.160.0.tgz")]</c>.
        /// </summary>
        private static Version FindCdkVersion(INamedTypeSymbol stack)
        {
            foreach (var attribute in stack.ContainingAssembly?.GetAttributes() ?? default)
            {
                var arguments = attribute.ConstructorArguments;
                if (attribute.AttributeClass?.Name == "JsiiAssemblyAttribute" && arguments.Length >= 2
                    && arguments[0].Value is "aws-cdk-lib" && arguments[1].Value is string text && TryParse(text, out var version))
                {
                    return version;
                }
            }

            return new Version(0, 0);
        }

        /// <summary>"2.160.0", "2.160.0+abc", "2.160.0-rc.1" → 2.160.0.</summary>
        private static bool TryParse(string text, out Version version)
        {
            var end = 0;
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            return Version.TryParse(text.Substring(0, end).TrimEnd('.'), out version!) && version.Major > 0;
        }

        /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="type"/> is the interface <paramref name="iface"/> or implements it.</summary>
        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? iface)
        {
            if (type is null || iface is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, iface))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, iface))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="property"/> is the property <paramref name="name"/> of the interface
        /// <paramref name="iface"/> (<c>IStackProps.Env</c>, say), implements it (implicitly or explicitly), or overrides
        /// a property that does. A property that only has the name — one that hides the CDK member with <c>new</c>, or
        /// belongs to an unrelated class — is not it: setting it leaves the CDK member unset.
        /// </summary>
        public static bool IsInterfaceProperty(IPropertySymbol? property, INamedTypeSymbol? iface, string name)
        {
            if (property is null || iface is null || property.Name != name && property.ExplicitInterfaceImplementations.IsEmpty)
            {
                return false;
            }

            foreach (var member in iface.OriginalDefinition.GetMembers(name))
            {
                if (member is not IPropertySymbol target)
                {
                    continue;
                }

                for (var p = property.OriginalDefinition; p is not null; p = p.OverriddenProperty?.OriginalDefinition)
                {
                    if (SymbolEqualityComparer.Default.Equals(p, target))
                    {
                        return true;
                    }

                    foreach (var implemented in p.ExplicitInterfaceImplementations)
                    {
                        if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                        {
                            return true;
                        }
                    }

                    if (p.ContainingType is { } owner && Implements(owner, iface)
                        && SymbolEqualityComparer.Default.Equals(owner.FindImplementationForInterfaceMember(target)?.OriginalDefinition, p))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The property that <c>x.<paramref name="name"/></c> (or <c>new T { Name = … }</c>) binds to on
        /// <paramref name="type"/>: the one declared nearest to the type, walking up its base types (and, for an
        /// interface, the interfaces it extends). Null when the type has no such property.
        /// </summary>
        public static IPropertySymbol? PropertyNamed(ITypeSymbol? type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers(name))
                {
                    if (member is IPropertySymbol { IsIndexer: false } property)
                    {
                        return property;
                    }
                }
            }

            if (type?.TypeKind == TypeKind.Interface)
            {
                foreach (var extended in type.AllInterfaces)
                {
                    foreach (var member in extended.GetMembers(name))
                    {
                        if (member is IPropertySymbol { IsIndexer: false } property)
                        {
                            return property;
                        }
                    }
                }
            }

            return null;
        }

        public static bool IsOrInheritsOrImplements(ITypeSymbol? type, INamedTypeSymbol? target)
            => target is not null && (target.TypeKind == TypeKind.Interface ? Implements(type, target) : InheritsFrom(type, target));

        public bool IsConstructType(ITypeSymbol? type) => InheritsFrom(type, Construct);

        /// <summary>
        /// True for a construct type shipped in a library (CDK or a construct library), not declared in this project.
        /// Every rule asks this of every creation it sees, and an app creates few distinct types many times, so the
        /// answer is kept per type (one lookup instead of a walk up the base types).
        /// </summary>
        public bool IsLibraryConstructType(INamedTypeSymbol type)
        {
            if (!_libraryConstructTypes.TryGetValue(type, out var isLibraryConstruct))
            {
                isLibraryConstruct = type.Locations.Length > 0 && !type.Locations[0].IsInSource && IsConstructType(type);
                _libraryConstructTypes.TryAdd(type, isLibraryConstruct);
            }

            return isLibraryConstruct;
        }

        private sealed class Box
        {
            public Box(CdkSymbols? value) => Value = value;

            public CdkSymbols? Value { get; }
        }
    }
}
