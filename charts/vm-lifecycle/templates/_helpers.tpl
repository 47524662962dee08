{{/* Chart name, truncated to the 63 characters of a label value. */}}
{{- define "vm-lifecycle.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: the release name when it already contains the chart name. */}}
{{- define "vm-lifecycle.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "vm-lifecycle.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "vm-lifecycle.labels" -}}
helm.sh/chart: {{ include "vm-lifecycle.chart" . }}
app.kubernetes.io/name: {{ include "vm-lifecycle.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: vm-lifecycle
{{- end }}

{{- define "vm-lifecycle.aggregator.fullname" -}}
{{- printf "%s-aggregator" (include "vm-lifecycle.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vm-lifecycle.handler.fullname" -}}
{{- printf "%s-handler" (include "vm-lifecycle.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vm-lifecycle.aggregator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vm-lifecycle.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: aggregator
{{- end }}

{{- define "vm-lifecycle.handler.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vm-lifecycle.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: handler
{{- end }}

{{- define "vm-lifecycle.aggregator.labels" -}}
{{ include "vm-lifecycle.labels" . }}
app.kubernetes.io/component: aggregator
{{- end }}

{{- define "vm-lifecycle.handler.labels" -}}
{{ include "vm-lifecycle.labels" . }}
app.kubernetes.io/component: handler
{{- end }}

{{- define "vm-lifecycle.aggregator.serviceAccountName" -}}
{{- default (include "vm-lifecycle.aggregator.fullname" .) .Values.aggregator.serviceAccount.name }}
{{- end }}

{{- define "vm-lifecycle.handler.serviceAccountName" -}}
{{- default (include "vm-lifecycle.handler.fullname" .) .Values.handler.serviceAccount.name }}
{{- end }}

{{/* Secrets holding the certificates (kubernetes.io/tls with ca.crt). */}}
{{- define "vm-lifecycle.aggregator.tlsSecretName" -}}
{{- printf "%s-tls" (include "vm-lifecycle.aggregator.fullname" .) }}
{{- end }}

{{- define "vm-lifecycle.handler.tlsSecretName" -}}
{{- printf "%s-tls" (include "vm-lifecycle.handler.fullname" .) }}
{{- end }}

{{- define "vm-lifecycle.handler.clientTlsSecretName" -}}
{{- printf "%s-handler-client-tls" (include "vm-lifecycle.aggregator.fullname" .) }}
{{- end }}
