#!/usr/bin/env bash
# Regenerates Generated/ (the Kiota C# client) from the live /openapi/v1.json of a real host: run after changing
# the API, then commit Generated/ (the test restores the Kiota tool itself). GeneratedClientDriftTests fails until
# the checked-in client matches the document.
set -euo pipefail
cd "$(dirname "$0")/../.."
ORCHESTRATOR_WRITE_GENERATED_CLIENT=1 dotnet test tests/Orchestrator.ClientGeneration.Tests --filter "FullyQualifiedName~GeneratedClientDriftTests"
