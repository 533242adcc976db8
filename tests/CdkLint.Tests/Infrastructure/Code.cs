namespace CdkLint.Tests.Infrastructure
{
    /// <summary>Builds test sources: a stack class around a constructor body, with the usings CDK code usually has.</summary>
    public static class Code
    {
        public const string Usings = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.Lambda;
            using Amazon.CDK.AWS.Logs;
            using Amazon.CDK.AWS.S3;
            using Amazon.CDK.AWS.SNS;
            using Amazon.CDK.AWS.SQS;
            using Constructs;

            """;

        /// <summary>
        /// A stack whose constructor body is <paramref name="body"/> (already indented by 12 spaces) and whose other
        /// members are <paramref name="members"/> (indented by 8).
        /// </summary>
        public static string Stack(string body, string members = "", string parameters = "")
            => StackWith(string.Empty, body, members, parameters);

        /// <summary>A stack as <see cref="Stack"/> builds it, with <paramref name="extraUsings"/> (full `using …;` lines) added.</summary>
        public static string StackWith(string extraUsings, string body, string members = "", string parameters = "")
            => Usings + extraUsings + $$"""
            namespace App
            {
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string id{{parameters}}, IStackProps props = null) : base(scope, id, props)
                    {
            {{body}}
                    }
            {{members}}
                }
            }

            """;
    }
}
