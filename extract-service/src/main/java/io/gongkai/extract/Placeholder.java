package io.gongkai.extract; class Placeholder {}
