using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.InlineLambdaCodeBrokenAnalyzer, CdkLint.CodeFixes.Rules.InlineLambdaCodeBrokenFixer>;

namespace CdkLint.Tests.Rules
{
    public class InlineLambdaCodeBrokenTests
    {
        private const string Key = "CDK5001.AddImports";

        private static DiagnosticResult Expect(int location, string detail)
            => new DiagnosticResult("CDK5001", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(detail);

        [Theory, CdkVersions]
        public Task Missing_imports_are_named_in_one_message(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline({|#0:"def handler(event, context):\n    os.environ['X']\n    return json.dumps({'t': time.time(), 'id': str(uuid.uuid4())})\n"|}),
                        });
            """),
            null,
            Expect(0, "the Python code uses json, os, time and uuid without importing them"));

        [Theory, CdkVersions]
        public Task A_regular_literal_gets_escaped_line_breaks(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline({|CDK5001:"def handler(e, c):\n    return json.dumps(os.environ['X'])\n"|}) });
            """),
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline("import json\nimport os\ndef handler(e, c):\n    return json.dumps(os.environ['X'])\n") });
            """),
            Key);

        [Theory, CdkVersions]
        public Task A_verbatim_literal_gets_real_lines(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline({|CDK5001:@"import os
            def handler(e, c):
                return boto3.client('s3').list_buckets()
            "|}) });
            """),
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline(@"import boto3
            import os
            def handler(e, c):
                return boto3.client('s3').list_buckets()
            ") });
            """),
            Key);

        [Theory, CdkVersions]
        public Task A_raw_literal_gets_lines_at_its_indentation_and_fix_all_covers_a_helper_and_a_local(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """"
                            var code = """
                                def handler(event, context):
                                    logging.getLogger().info(event)
                                    return decimal.Decimal('1.5')
                                """;
                            var fnProps = new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler" };
                            fnProps.Code = Code.FromInline({|CDK5001:code|});
                            new Function(this, "Raw", fnProps);
                            new Function(this, "Helper", Props());
                """",
                """
                        private static FunctionProps Props() => new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_12_OR_11,
                            Handler = "index.handler",
                            Code = Code.FromInline({|CDK5001:"def handler(e, c):\n" + "    return datetime.datetime.now().isoformat()\n"|}),
                        };
                """.Replace("PYTHON_3_12_OR_11", version == CdkVersion.V2_103 ? "PYTHON_3_11" : "PYTHON_3_12")),
            Code.Stack(
                """"
                            var code = """
                                import decimal
                                import logging
                                def handler(event, context):
                                    logging.getLogger().info(event)
                                    return decimal.Decimal('1.5')
                                """;
                            var fnProps = new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler" };
                            fnProps.Code = Code.FromInline(code);
                            new Function(this, "Raw", fnProps);
                            new Function(this, "Helper", Props());
                """",
                """
                        private static FunctionProps Props() => new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_12_OR_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("import datetime\ndef handler(e, c):\n" + "    return datetime.datetime.now().isoformat()\n"),
                        };
                """.Replace("PYTHON_3_12_OR_11", version == CdkVersion.V2_103 ? "PYTHON_3_11" : "PYTHON_3_12")),
            Key);

        [Theory, CdkVersions]
        public Task A_const_is_fixed_where_it_is_declared(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new SingletonFunction(this, "Once", new SingletonFunctionProps { Uuid = "0b9f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4", Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = new InlineCode({|CDK5001:Source|}) });
                """,
                """
                        private const string Source = "def handler(e, c):\n    return json.loads(e['body'])\n";
                """),
            Code.Stack(
                """
                            new SingletonFunction(this, "Once", new SingletonFunctionProps { Uuid = "0b9f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4", Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = new InlineCode(Source) });
                """,
                """
                        private const string Source = "import json\ndef handler(e, c):\n    return json.loads(e['body'])\n";
                """),
            Key);

        [Theory, CdkVersions]
        public Task Python_2_syntax_and_single_line_raw_strings_get_no_fix(CdkVersion version)
        {
            var source = Code.Stack(""""
                        new Function(this, "Py2", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline({|#0:"def handler(e, c):\n    try:\n        return int(e)\n    except ValueError, err:\n        return 0\n"|}) });
                        new Function(this, "OneLine", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline({|#1:"""handler = lambda e, c: json.dumps(e)"""|}) });
            """");
            var test = new CdkTest<CdkLint.Rules.InlineLambdaCodeBrokenAnalyzer, CdkLint.CodeFixes.Rules.InlineLambdaCodeBrokenFixer>(version) { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.Add(Expect(0, "'except X, e:' is Python 2 syntax, a SyntaxError on Python 3 (write 'except X as e:')"));
            test.ExpectedDiagnostics.Add(Expect(1, "the Python code uses json without importing it"));
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task Handlers_must_name_index_and_a_function_the_code_defines(CdkVersion version)
        {
            var source = Code.Stack("""
                        new Function(this, "Module", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = {|#0:"app.handler"|}, Code = Code.FromInline("def handler(e, c):\n    return 1\n") });
                        new Function(this, "Missing", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = {|#1:"index.main"|}, Code = Code.FromInline("def handler(e, c):\n    return 1\n") });
                        new Function(this, "Esm", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = {|#2:"index.handler"|}, Code = Code.FromInline("export const handler = async () => 1;") });
                        new Function(this, "NodeMissing", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = {|#3:"index.main"|}, Code = Code.FromInline("exports.handler = async () => 1;") });
            """);
            var test = new CdkTest<CdkLint.Rules.InlineLambdaCodeBrokenAnalyzer, CdkLint.CodeFixes.Rules.InlineLambdaCodeBrokenFixer>(version) { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.Add(Expect(0, "handler 'app.handler' names module 'app', but CDK writes inline code to index.py: use 'index.handler'"));
            test.ExpectedDiagnostics.Add(Expect(1, "handler 'index.main' names function 'main', which the inline code does not define ('def main(')"));
            test.ExpectedDiagnostics.Add(Expect(2, "Node.js runs inline code as CommonJS, so 'export … handler' does not define the handler: write 'exports.handler = …'"));
            test.ExpectedDiagnostics.Add(Expect(3, "handler 'index.main' names function 'main', which the inline code does not export ('exports.main = …')"));
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task Working_code_is_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(""""
                        new Function(this, "A", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline("import json, os\nfrom datetime import datetime\nimport boto3 as boto3\ndef handler(e, c):\n    # time.sleep is not called\n    print('uuid.uuid4 in a string')\n    return json.dumps(os.environ) + datetime.now().isoformat() + str(boto3.client)\n") });
                        new Function(this, "B", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async (event) => JSON.stringify(event);") });
                        new Function(this, "C", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("module.exports = { handler: async () => 1 };") });
                        new Function(this, "D", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "app.handler", Code = Code.FromAsset("src") });
                        new Function(this, "E", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline(source) });
                        new Function(this, "F", new FunctionProps { Runtime = runtime, Handler = "app.handler", Code = Code.FromInline("def handler(e, c):\n    return json.dumps(e)\n") });
                        new Function(this, "G", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline("""
                            import json
                            def handler(event, context):
                                try:
                                    return json.loads(event)
                                except (ValueError, TypeError) as err:
                                    return str(err)
                            """) });
            """", parameters: ", string source, Runtime runtime"));

        [Theory, CdkVersions]
        public Task A_subclass_base_call_is_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Usings + """
            namespace App
            {
                public class Worker : Function
                {
                    public Worker(Construct scope, string id)
                        : base(scope, id, new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = {|#0:"main.handler"|}, Code = Code.FromInline("def handler(e, c):\n    return 1\n") })
                    {
                    }
                }
            }
            """,
            null,
            Expect(0, "handler 'main.handler' names module 'main', but CDK writes inline code to index.py: use 'index.handler'"));
    }
}
