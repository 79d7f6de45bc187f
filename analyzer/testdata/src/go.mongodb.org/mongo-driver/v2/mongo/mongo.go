// Package mongo is a test stub of go.mongodb.org/mongo-driver/v2/mongo.
package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

var ErrNoDocuments = errors.New("mongo: no documents in result")

func IsDuplicateKeyError(err error) bool { return false }

type Pipeline []bson.D

// Client.

type Client struct{}

func Connect(opts ...*options.ClientOptions) (*Client, error) { panic("stub") }

func (c *Client) Disconnect(ctx context.Context) error { return nil }

func (c *Client) Database(name string, opts ...options.Lister[options.DatabaseOptions]) *Database {
	return &Database{}
}

func (c *Client) StartSession(opts ...options.Lister[options.SessionOptions]) (*Session, error) {
	return &Session{}, nil
}

func (c *Client) UseSession(ctx context.Context, fn func(context.Context) error) error { return nil }

func (c *Client) UseSessionWithOptions(
	ctx context.Context,
	opts *options.SessionOptionsBuilder,
	fn func(context.Context) error,
) error {
	return nil
}

func (c *Client) BulkWrite(ctx context.Context, writes []ClientBulkWrite,
	opts ...options.Lister[options.ClientBulkWriteOptions],
) (*ClientBulkWriteResult, error) {
	panic("stub")
}

// Database.

type Database struct{}

func (db *Database) Client() *Client { return &Client{} }

func (db *Database) Name() string { return "" }

func (db *Database) Collection(name string, opts ...options.Lister[options.CollectionOptions]) *Collection {
	return &Collection{}
}

// Collection.

type Collection struct{}

func (coll *Collection) Name() string { return "" }

func (coll *Collection) Database() *Database { return &Database{} }

func (coll *Collection) BulkWrite(ctx context.Context, models []WriteModel,
	opts ...options.Lister[options.BulkWriteOptions],
) (*BulkWriteResult, error) {
	panic("stub")
}

func (coll *Collection) InsertOne(ctx context.Context, document any,
	opts ...options.Lister[options.InsertOneOptions],
) (*InsertOneResult, error) {
	panic("stub")
}

func (coll *Collection) InsertMany(
	ctx context.Context,
	documents any,
	opts ...options.Lister[options.InsertManyOptions],
) (*InsertManyResult, error) {
	panic("stub")
}

func (coll *Collection) DeleteOne(
	ctx context.Context,
	filter any,
	opts ...options.Lister[options.DeleteOneOptions],
) (*DeleteResult, error) {
	panic("stub")
}

func (coll *Collection) DeleteMany(
	ctx context.Context,
	filter any,
	opts ...options.Lister[options.DeleteManyOptions],
) (*DeleteResult, error) {
	panic("stub")
}

func (coll *Collection) UpdateByID(
	ctx context.Context,
	id any,
	update any,
	opts ...options.Lister[options.UpdateOneOptions],
) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) UpdateOne(
	ctx context.Context,
	filter any,
	update any,
	opts ...options.Lister[options.UpdateOneOptions],
) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) UpdateMany(
	ctx context.Context,
	filter any,
	update any,
	opts ...options.Lister[options.UpdateManyOptions],
) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) ReplaceOne(
	ctx context.Context,
	filter any,
	replacement any,
	opts ...options.Lister[options.ReplaceOptions],
) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) CountDocuments(ctx context.Context, filter any,
	opts ...options.Lister[options.CountOptions],
) (int64, error) {
	panic("stub")
}

func (coll *Collection) Find(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOptions],
) (*Cursor, error) {
	panic("stub")
}

func (coll *Collection) FindOne(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOneOptions],
) *SingleResult {
	panic("stub")
}

func (coll *Collection) FindOneAndReplace(
	ctx context.Context,
	filter any,
	replacement any,
	opts ...options.Lister[options.FindOneAndReplaceOptions],
) *SingleResult {
	panic("stub")
}

func (coll *Collection) FindOneAndUpdate(
	ctx context.Context,
	filter any,
	update any,
	opts ...options.Lister[options.FindOneAndUpdateOptions],
) *SingleResult {
	panic("stub")
}

func (coll *Collection) FindOneAndDelete(
	ctx context.Context,
	filter any,
	opts ...options.Lister[options.FindOneAndDeleteOptions],
) *SingleResult {
	panic("stub")
}

// Results.

type BulkWriteResult struct {
	InsertedCount int64
	MatchedCount  int64
	ModifiedCount int64
	DeletedCount  int64
	UpsertedCount int64
	UpsertedIDs   map[int64]any
	Acknowledged  bool
}

type InsertOneResult struct {
	InsertedID   any
	Acknowledged bool
}

type InsertManyResult struct {
	InsertedIDs  []any
	Acknowledged bool
}

type DeleteResult struct {
	DeletedCount int64
	Acknowledged bool
}

type UpdateResult struct {
	MatchedCount  int64
	ModifiedCount int64
	UpsertedCount int64
	UpsertedID    any
	Acknowledged  bool
}

type ClientBulkWriteResult struct {
	InsertedCount     int64
	MatchedCount      int64
	ModifiedCount     int64
	DeletedCount      int64
	UpsertedCount     int64
	InsertResults     map[int]ClientBulkWriteInsertResult
	UpdateResults     map[int]ClientBulkWriteUpdateResult
	DeleteResults     map[int]ClientBulkWriteDeleteResult
	Acknowledged      bool
	HasVerboseResults bool
}

type ClientBulkWriteInsertResult struct {
	InsertedID any
}

type ClientBulkWriteUpdateResult struct {
	MatchedCount  int64
	ModifiedCount int64
	UpsertedID    any
}

type ClientBulkWriteDeleteResult struct {
	DeletedCount int64
}

type SingleResult struct {
	err error

	Acknowledged bool
}

func (sr *SingleResult) Decode(v any) error { return sr.err }

func (sr *SingleResult) Raw() (bson.Raw, error) { return nil, sr.err }

func (sr *SingleResult) Err() error { return sr.err }

type Cursor struct {
	Current bson.Raw
}

func (c *Cursor) ID() int64 { return 0 }

func (c *Cursor) Next(ctx context.Context) bool { return false }

func (c *Cursor) TryNext(ctx context.Context) bool { return false }

func (c *Cursor) Decode(val any) error { return nil }

func (c *Cursor) Err() error { return nil }

func (c *Cursor) Close(ctx context.Context) error { return nil }

func (c *Cursor) All(ctx context.Context, results any) error { return nil }

func (c *Cursor) RemainingBatchLength() int { return 0 }

// Collection-level bulk write models.

type WriteModel interface {
	writeModel()
}

type InsertOneModel struct {
	Document any
}

func NewInsertOneModel() *InsertOneModel { return &InsertOneModel{} }

func (iom *InsertOneModel) SetDocument(doc any) *InsertOneModel { return iom }

func (*InsertOneModel) writeModel() {}

type DeleteOneModel struct {
	Filter    any
	Collation *options.Collation
	Hint      any
}

func NewDeleteOneModel() *DeleteOneModel { return &DeleteOneModel{} }

func (dom *DeleteOneModel) SetFilter(filter any) *DeleteOneModel { return dom }

func (dom *DeleteOneModel) SetCollation(collation *options.Collation) *DeleteOneModel { return dom }

func (dom *DeleteOneModel) SetHint(hint any) *DeleteOneModel { return dom }

func (*DeleteOneModel) writeModel() {}

type DeleteManyModel struct {
	Filter    any
	Collation *options.Collation
	Hint      any
}

func NewDeleteManyModel() *DeleteManyModel { return &DeleteManyModel{} }

func (dmm *DeleteManyModel) SetFilter(filter any) *DeleteManyModel { return dmm }

func (dmm *DeleteManyModel) SetCollation(collation *options.Collation) *DeleteManyModel {
	return dmm
}

func (dmm *DeleteManyModel) SetHint(hint any) *DeleteManyModel { return dmm }

func (*DeleteManyModel) writeModel() {}

type ReplaceOneModel struct {
	Collation   *options.Collation
	Upsert      *bool
	Filter      any
	Replacement any
	Hint        any
	Sort        any
}

func NewReplaceOneModel() *ReplaceOneModel { return &ReplaceOneModel{} }

func (rom *ReplaceOneModel) SetHint(hint any) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetFilter(filter any) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetReplacement(rep any) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetCollation(collation *options.Collation) *ReplaceOneModel {
	return rom
}

func (rom *ReplaceOneModel) SetUpsert(upsert bool) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetSort(sort any) *ReplaceOneModel { return rom }

func (*ReplaceOneModel) writeModel() {}

type UpdateOneModel struct {
	Collation    *options.Collation
	Upsert       *bool
	Filter       any
	Update       any
	ArrayFilters []any
	Hint         any
	Sort         any
}

func NewUpdateOneModel() *UpdateOneModel { return &UpdateOneModel{} }

func (uom *UpdateOneModel) SetHint(hint any) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetFilter(filter any) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetUpdate(update any) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetArrayFilters(filters []any) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetCollation(collation *options.Collation) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetUpsert(upsert bool) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetSort(sort any) *UpdateOneModel { return uom }

func (*UpdateOneModel) writeModel() {}

type UpdateManyModel struct {
	Collation    *options.Collation
	Upsert       *bool
	Filter       any
	Update       any
	ArrayFilters []any
	Hint         any
}

func NewUpdateManyModel() *UpdateManyModel { return &UpdateManyModel{} }

func (umm *UpdateManyModel) SetHint(hint any) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetFilter(filter any) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetUpdate(update any) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetArrayFilters(filters []any) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetCollation(collation *options.Collation) *UpdateManyModel {
	return umm
}

func (umm *UpdateManyModel) SetUpsert(upsert bool) *UpdateManyModel { return umm }

func (*UpdateManyModel) writeModel() {}

// Client-level bulk write models.

type ClientBulkWrite struct {
	Database   string
	Collection string
	Model      ClientWriteModel
}

type ClientWriteModel interface {
	clientWriteModel()
}

type ClientInsertOneModel struct {
	Document any
}

func NewClientInsertOneModel() *ClientInsertOneModel { return &ClientInsertOneModel{} }

func (*ClientInsertOneModel) clientWriteModel() {}

func (iom *ClientInsertOneModel) SetDocument(doc any) *ClientInsertOneModel { return iom }

type ClientUpdateOneModel struct {
	Collation    *options.Collation
	Upsert       *bool
	Filter       any
	Update       any
	ArrayFilters []any
	Hint         any
	Sort         any
}

func NewClientUpdateOneModel() *ClientUpdateOneModel { return &ClientUpdateOneModel{} }

func (*ClientUpdateOneModel) clientWriteModel() {}

func (uom *ClientUpdateOneModel) SetHint(hint any) *ClientUpdateOneModel { return uom }

func (uom *ClientUpdateOneModel) SetFilter(filter any) *ClientUpdateOneModel { return uom }

func (uom *ClientUpdateOneModel) SetUpdate(update any) *ClientUpdateOneModel { return uom }

func (uom *ClientUpdateOneModel) SetArrayFilters(filters []any) *ClientUpdateOneModel { return uom }

func (uom *ClientUpdateOneModel) SetCollation(collation *options.Collation) *ClientUpdateOneModel {
	return uom
}

func (uom *ClientUpdateOneModel) SetUpsert(upsert bool) *ClientUpdateOneModel { return uom }

func (uom *ClientUpdateOneModel) SetSort(sort any) *ClientUpdateOneModel { return uom }

type ClientUpdateManyModel struct {
	Collation    *options.Collation
	Upsert       *bool
	Filter       any
	Update       any
	ArrayFilters []any
	Hint         any
}

func NewClientUpdateManyModel() *ClientUpdateManyModel { return &ClientUpdateManyModel{} }

func (*ClientUpdateManyModel) clientWriteModel() {}

func (umm *ClientUpdateManyModel) SetHint(hint any) *ClientUpdateManyModel { return umm }

func (umm *ClientUpdateManyModel) SetFilter(filter any) *ClientUpdateManyModel { return umm }

func (umm *ClientUpdateManyModel) SetUpdate(update any) *ClientUpdateManyModel { return umm }

func (umm *ClientUpdateManyModel) SetArrayFilters(filters []any) *ClientUpdateManyModel {
	return umm
}

func (umm *ClientUpdateManyModel) SetCollation(collation *options.Collation) *ClientUpdateManyModel {
	return umm
}

func (umm *ClientUpdateManyModel) SetUpsert(upsert bool) *ClientUpdateManyModel { return umm }

type ClientReplaceOneModel struct {
	Collation   *options.Collation
	Upsert      *bool
	Filter      any
	Replacement any
	Hint        any
	Sort        any
}

func NewClientReplaceOneModel() *ClientReplaceOneModel { return &ClientReplaceOneModel{} }

func (*ClientReplaceOneModel) clientWriteModel() {}

func (rom *ClientReplaceOneModel) SetHint(hint any) *ClientReplaceOneModel { return rom }

func (rom *ClientReplaceOneModel) SetFilter(filter any) *ClientReplaceOneModel { return rom }

func (rom *ClientReplaceOneModel) SetReplacement(rep any) *ClientReplaceOneModel { return rom }

func (rom *ClientReplaceOneModel) SetCollation(collation *options.Collation) *ClientReplaceOneModel {
	return rom
}

func (rom *ClientReplaceOneModel) SetUpsert(upsert bool) *ClientReplaceOneModel { return rom }

func (rom *ClientReplaceOneModel) SetSort(sort any) *ClientReplaceOneModel { return rom }

type ClientDeleteOneModel struct {
	Filter    any
	Collation *options.Collation
	Hint      any
}

func NewClientDeleteOneModel() *ClientDeleteOneModel { return &ClientDeleteOneModel{} }

func (*ClientDeleteOneModel) clientWriteModel() {}

func (dom *ClientDeleteOneModel) SetFilter(filter any) *ClientDeleteOneModel { return dom }

func (dom *ClientDeleteOneModel) SetCollation(collation *options.Collation) *ClientDeleteOneModel {
	return dom
}

func (dom *ClientDeleteOneModel) SetHint(hint any) *ClientDeleteOneModel { return dom }

type ClientDeleteManyModel struct {
	Filter    any
	Collation *options.Collation
	Hint      any
}

func NewClientDeleteManyModel() *ClientDeleteManyModel { return &ClientDeleteManyModel{} }

func (*ClientDeleteManyModel) clientWriteModel() {}

func (dmm *ClientDeleteManyModel) SetFilter(filter any) *ClientDeleteManyModel { return dmm }

func (dmm *ClientDeleteManyModel) SetCollation(collation *options.Collation) *ClientDeleteManyModel {
	return dmm
}

func (dmm *ClientDeleteManyModel) SetHint(hint any) *ClientDeleteManyModel { return dmm }

// Sessions.

type Session struct {
	client *Client
}

func NewSessionContext(parent context.Context, sess *Session) context.Context { return parent }

func SessionFromContext(ctx context.Context) *Session { return nil }

func WithSession(ctx context.Context, sess *Session, fn func(context.Context) error) error {
	return nil
}

func (s *Session) ID() bson.Raw { return nil }

func (s *Session) EndSession(ctx context.Context) {}

func (s *Session) WithTransaction(
	ctx context.Context,
	fn func(ctx context.Context) (any, error),
	opts ...options.Lister[options.TransactionOptions],
) (any, error) {
	return fn(ctx)
}

func (s *Session) StartTransaction(opts ...options.Lister[options.TransactionOptions]) error {
	return nil
}

func (s *Session) AbortTransaction(ctx context.Context) error { return nil }

func (s *Session) CommitTransaction(ctx context.Context) error { return nil }

func (s *Session) ClusterTime() bson.Raw { return nil }

func (s *Session) SnapshotTime() bson.Timestamp { return bson.Timestamp{} }

func (s *Session) AdvanceClusterTime(d bson.Raw) error { return nil }

func (s *Session) OperationTime() *bson.Timestamp { return nil }

func (s *Session) AdvanceOperationTime(ts *bson.Timestamp) error { return nil }

func (s *Session) Client() *Client { return s.client }

func (s *Session) TransactionRunning() bool { return false }
