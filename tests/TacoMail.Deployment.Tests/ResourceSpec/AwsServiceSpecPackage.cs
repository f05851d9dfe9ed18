using TacoMail.Testing.Npm;

namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// <c>@aws-cdk/aws-service-spec</c>, the AWS CDK team's machine-readable CloudFormation resource
/// specification (every resource type, its properties, which are required, and the nested
/// property types), pinned with its dependencies by the lock below. To upgrade: install the new
/// version in an empty directory, copy the versions and integrity hashes of its package-lock.json
/// here (never a <c>resolved</c> address), and fix what the template checks then find.
/// </summary>
internal static class AwsServiceSpecPackage
{
    public const string Name = "@aws-cdk/aws-service-spec";
    public const string Version = "0.1.216";

    private const string PackageLock = """
        {
          "name": "tacomail-aws-cdk-aws-service-spec",
          "lockfileVersion": 3,
          "requires": true,
          "packages": {
            "": {
              "name": "tacomail-aws-cdk-aws-service-spec",
              "dependencies": {
                "@aws-cdk/aws-service-spec": "0.1.216"
              }
            },
            "node_modules/@aws-cdk/aws-service-spec": {
              "version": "0.1.216",
              "integrity": "sha512-O3Lu6v6J6RnI+Eenklbw8237kV64cTpM94QEXmlcmsIAzhcKrdd+qApZhlTL+H3IDt1JP6Vphbd+OOmq6r8pqw==",
              "license": "Apache-2.0",
              "dependencies": {
                "@aws-cdk/service-spec-types": "^0.0.282",
                "@cdklabs/tskb": "^0.0.4"
              }
            },
            "node_modules/@aws-cdk/service-spec-types": {
              "version": "0.0.282",
              "integrity": "sha512-T61MS6TwSpofR2P4ZNdNkHrggktdnWah8jgbWor6PMmZdy6gMRr+3l9YDleXKD66pyJO2ShwF+O9P9OopM4ybQ==",
              "license": "Apache-2.0",
              "dependencies": {
                "@cdklabs/tskb": "^0.0.4"
              }
            },
            "node_modules/@cdklabs/tskb": {
              "version": "0.0.4",
              "integrity": "sha512-NFx1X0l7p5DyHtLLEyNeh1hPN4UN9hTkZkzFs/Mp+kFk7dpdINGmGVpCfRDjJ2DrcNSNENUmT+w8g73TvmBbTw==",
              "license": "Apache-2.0"
            }
          }
        }
        """;

    public static PinnedNpmPackage Package { get; } = new(Name, Version, PackageLock, ResourceSpecReader.DatabaseFile);
}
