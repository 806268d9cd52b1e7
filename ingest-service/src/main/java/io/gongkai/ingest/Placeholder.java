package io.gongkai.ingest; class Placeholder {}
